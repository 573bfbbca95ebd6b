import Foundation
@testable import Analysis
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
    try checkGoldens(name, validation: false)
}

/// Shipped experiments with validation goldens (golden/<name>-validation) reproduce their
/// splits, stress scenarios and validation.json exactly.
@Test(arguments: shippedExperiments.filter {
    FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("golden/\($0)-validation").path)
})
func validationMatchesGoldens(_ name: String) throws {
    try checkGoldens(name, validation: true)
}

private func checkGoldens(_ name: String, validation: Bool) throws {
    let binary = binaryFolder.appendingPathComponent(name)
    try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                 "no binary for experiment '\(name)' in \(binaryFolder.path): build it first (`swift build`, or `make test`)")
    let samples = try SampleRecipes.ensure(root: repositoryRoot)
    #expect(samples.allSatisfy { $0.recipe.sha256 == $0.sha256 })
    let out = temporaryFolder("golden-\(name)\(validation ? "-validation" : "")")
    defer { try? FileManager.default.removeItem(at: out) }
    let process = Process()
    process.executableURL = binary
    process.arguments = ["experiments/\(name)", "--artifacts", out.path, "--json"] + (validation ? ["--validate"] : [])
    process.currentDirectoryURL = repositoryRoot
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "experiment '\(name)' exited with status \(process.terminationStatus)")
    let run = out.appendingPathComponent(name).appendingPathComponent("latest").resolvingSymlinksInPath()
    let config = try ExperimentDirectory(path: repositoryRoot.appendingPathComponent("experiments/\(name)").path)
        .loadConfig(overrides: [], defaultStrategy: "")
    let label = Goldens.label(name, validation: validation)
    let report = try GoldenVerifier.verify(run: run, golden: repositoryRoot.appendingPathComponent(label),
                                           tolerances: config.tolerances, labels: (run: "the run", golden: label))
    #expect(report.status != .mismatch, "\(name) differs from \(label) (bless with `quantbt bless experiments/\(name)\(validation ? " --validation" : "")` if intended):\n\(report.text)")
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
