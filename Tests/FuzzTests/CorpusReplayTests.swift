import Foundation
import FuzzTargets
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The files of fuzz/corpus/TARGET (seeds from real files and what the fuzzer kept) and
/// fuzz/regressions/TARGET (inputs that once crashed, hung or ran away).
private func inputs(_ target: FuzzTarget) -> [URL] {
    ["corpus", "regressions"].flatMap { kind -> [URL] in
        let folder = root.appendingPathComponent("fuzz/\(kind)/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }
}

/// Every corpus and regression input runs through its target again, each in under 5 s:
/// a crash fixed once stays fixed (a crash here takes the test process down and fails the run).
@Test(arguments: FuzzTarget.allCases)
func corpusReplaysWithoutCrashOrHang(_ target: FuzzTarget) {
    let files = inputs(target)
    #expect(files.count >= 5, "fuzz/corpus/\(target.rawValue) needs seed inputs")
    for file in files {
        // A running `make fuzz` replaces corpus files as it reduces them: a file gone is no input.
        guard let data = FileManager.default.contents(atPath: file.path) else { continue }
        let start = Date()
        target.run(data)
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 5, "\(file.lastPathComponent) took \(seconds) s in \(target.rawValue) (over 5 s counts as a hang)")
    }
}
