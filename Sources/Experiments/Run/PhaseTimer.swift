import Foundation

/// Prints how long each phase of a run took to stderr when `QUANTBT_TIMINGS=1` is set;
/// otherwise does nothing. For finding where a slow run spends its time: each line also
/// says when the phase ended, counted from the run's first timer, so that phases on other
/// threads can be placed on one timeline.
struct PhaseTimer {
    private static let origin = DispatchTime.now().uptimeNanoseconds
    private let enabled = ProcessInfo.processInfo.environment["QUANTBT_TIMINGS"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds

    init() { if enabled { _ = Self.origin } }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "timing %-12@ %7.1f ms   (at %6.1f ms)\n", phase, Double(now - last) / 1e6,
                                                   Double(now - Self.origin) / 1e6).utf8))
        last = now
    }
}
