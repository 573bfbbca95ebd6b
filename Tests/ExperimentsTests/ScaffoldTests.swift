import Foundation
@testable import Analysis
@testable import Experiments
import Testing

/// `new` writes the three files and registers the target; bad names are refused.
@Test func scaffoldCreatesAndRegisters() throws {
    let root = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    try "let experimentNames: [String] = [\n    \"sma-crossover\",\n]\n".write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    let dir = try Scaffold.create(name: "rsi-pullback", root: root)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["README.md", "experiment.yaml", "main.swift"])
    let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
    #expect(package == "let experimentNames: [String] = [\n    \"sma-crossover\",\n    \"rsi-pullback\",\n]\n")
    let main = try String(contentsOf: dir.appendingPathComponent("main.swift"), encoding: .utf8)
    #expect(main.contains("struct RsiPullback: Strategy") && main.contains("Experiment.main(RsiPullback.self)"))
    #expect(main.split(separator: "\n").count <= 25)
    #expect(errorText { _ = try Scaffold.create(name: "rsi-pullback", root: root) } == "experiments/rsi-pullback already exists; pick another name or edit that experiment")
    #expect(errorText { _ = try Scaffold.create(name: "RSI", root: root) }
        == "experiment name 'RSI' must start with a lowercase letter and use only a-z, 0-9 and '-', e.g. rsi-pullback")
}
