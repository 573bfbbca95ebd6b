import Dispatch
import Foundation

/// While quantbt waits for an experiment's process, SIGINT and SIGTERM sent to quantbt
/// (`kill PID`, not only Ctrl-C to the whole process group) are passed on to it, so the
/// experiment cleans up and stops instead of finishing later as an orphan. The experiment
/// also dies with quantbt if quantbt is killed outright (see `Interruption`).
final class SignalForwarding {
    private var sources: [DispatchSourceSignal] = []

    init(to pid: Int32) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { kill(pid, sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// Back to the default: a signal now stops quantbt itself.
    func stop() {
        for s in sources { s.cancel() }
        for sig in [SIGINT, SIGTERM] { signal(sig, SIG_DFL) }
    }
}
