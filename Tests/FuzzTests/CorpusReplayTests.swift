import Foundation
import FuzzTargets
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The inputs of fuzz/corpus/TARGET.tar (seeds from real files and what the fuzzer kept)
/// and the files of fuzz/regressions/TARGET (inputs that once crashed, hung or ran away).
private func inputs(_ target: FuzzTarget) throws -> [(name: String, data: Data)] {
    let archive = root.appendingPathComponent("fuzz/corpus/\(target.rawValue).tar")
    let corpus = try TarEntries(Data(contentsOf: archive)).files
    let folder = root.appendingPathComponent("fuzz/regressions/\(target.rawValue)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let regressions = names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name -> (name: String, data: Data)? in
        FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, $0) }
    }
    return corpus + regressions
}

/// Every corpus and regression input runs through its target again, each in under 5 s:
/// a crash fixed once stays fixed (a crash here takes the test process down and fails the run).
@Test(arguments: FuzzTarget.allCases)
func corpusReplaysWithoutCrashOrHang(_ target: FuzzTarget) throws {
    let inputs = try inputs(target)
    #expect(inputs.count >= 5, "fuzz/corpus/\(target.rawValue).tar needs seed inputs")
    for input in inputs {
        let start = Date()
        target.run(input.data)
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 5, "\(input.name) took \(seconds) s in \(target.rawValue) (over 5 s counts as a hang)")
    }
}
