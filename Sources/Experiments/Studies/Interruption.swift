import CProcess
import Dispatch
import Foundation

/// What an experiment's process does when it is told to stop: SIGINT or SIGTERM (its
/// parent's, passed on), or its parent dying (Linux: PR_SET_PDEATHSIG). It removes the
/// `.partial-` folder it was writing, so nothing half-written is left, and exits with
/// 128 + the signal, as a shell reports it. The results store marks the run failed the
/// next time it opens (its process is gone).
enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var partials: Set<String> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Call once at start: signals go to a handler thread (the main thread is busy running
    /// the study), and the process dies with its parent.
    static func install() {
        let parent = getppid()
        if qbt_die_with_parent(SIGTERM) == 0, getppid() != parent { _exit(128 + SIGTERM) }  // it went before we asked
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stop(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// A `.partial-` folder being written; `finished` when it was renamed or removed.
    static func writing(_ path: String) { lock.withLock { _ = partials.insert(path) } }
    static func finished(_ path: String) { lock.withLock { _ = partials.remove(path) } }

    private static func stop(_ sig: Int32) -> Never {
        let paths = lock.withLock { partials }
        for p in paths { try? FileManager.default.removeItem(atPath: p) }
        FileHandle.standardError.write(Data("\ninterrupted (signal \(sig)): nothing was recorded\n".utf8))
        _exit(128 + sig)
    }
}
