import Foundation
@testable import Experiments
import Testing

/// Every folder under experiments/ (found, not listed by hand).
let shippedExperiments: [String] = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("experiments").path))?
    .filter { FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("experiments/\($0)/experiment.yaml").path) }
    .sorted() ?? []

/// The folder holding the built experiment binaries: the one this test runner was built into.
private var binaryFolder: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
}

/// Each shipped experiment, run as its own executable, reproduces its goldens exactly.
@Test(arguments: shippedExperiments)
func experimentMatchesGoldens(_ name: String) throws {
    let binary = binaryFolder.appendingPathComponent(name)
    try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                 "no binary for experiment '\(name)' in \(binaryFolder.path): build it first (`swift build`, or `make test`)")
    let samples = try SampleRecipes.ensure(root: repositoryRoot)
    #expect(samples.allSatisfy { $0.recipe.sha256 == $0.sha256 })
    let out = temporaryFolder("golden-\(name)")
    defer { try? FileManager.default.removeItem(at: out) }
    let process = Process()
    process.executableURL = binary
    process.arguments = ["experiments/\(name)", "--artifacts", out.path, "--json"]
    process.currentDirectoryURL = repositoryRoot
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "experiment '\(name)' exited with status \(process.terminationStatus)")
    let run = out.appendingPathComponent(name).appendingPathComponent("latest").resolvingSymlinksInPath()
    let problems = try Goldens.compare(run: run, golden: repositoryRoot.appendingPathComponent("golden/\(name)"))
    #expect(problems.isEmpty, "\(name) differs from golden/\(name) (bless with `quantbt bless experiments/\(name)` if intended):\n\(problems.joined(separator: "\n"))")
}

/// Every experiment folder is registered in Package.swift and has goldens.
@Test func everyExperimentIsRegisteredAndBlessed() throws {
    let package = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    #expect(shippedExperiments.count >= 2)
    for name in shippedExperiments {
        #expect(package.contains("\"\(name)\","), "experiments/\(name) is not in experimentNames in Package.swift")
        #expect(FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("golden/\(name)/manifest.json").path),
                "experiments/\(name) has no goldens: run `quantbt bless experiments/\(name)`")
    }
}

/// The golden comparison names the file and the first differing line.
@Test func goldenComparisonReportsFirstDifference() throws {
    let golden = temporaryFolder(), run = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: golden); try? FileManager.default.removeItem(at: run) }
    try "a,b\n1,2\n".write(to: golden.appendingPathComponent("trades.csv"), atomically: true, encoding: .utf8)
    try "{\"files\": {\"trades.csv\": \"aaaaaaaaaaaaaaaa\"}}".write(to: golden.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    try "a,b\n1,3\n".write(to: run.appendingPathComponent("trades.csv"), atomically: true, encoding: .utf8)
    try "{\"files\": {\"trades.csv\": \"bbbbbbbbbbbbbbbb\", \"fills.csv\": \"cc\"}}".write(to: run.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    #expect(try Goldens.compare(run: run, golden: golden) == [
        "fills.csv: produced by the run but not in the goldens",
        "trades.csv: SHA-256 differs (golden aaaaaaaaaaaa, run bbbbbbbbbbbb); first difference at line 2: golden '1,2', run '1,3'",
    ])
}
