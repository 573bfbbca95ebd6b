import Foundation

/// Prints how long each phase of a run took to stderr when `QUANTBT_TIMINGS=1` is set;
/// otherwise does nothing. For finding where a slow run spends its time.
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["QUANTBT_TIMINGS"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "timing %-12@ %7.1f ms\n", phase, Double(now - last) / 1e6).utf8))
        last = now
    }
}
