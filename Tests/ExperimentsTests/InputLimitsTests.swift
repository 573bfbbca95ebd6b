import Foundation
@testable import Analysis
@testable import Config
@testable import Experiments
import MarketData
import Testing

/// Eight levels of nine aliases each: 43 million values from ten lines.
private let aliasBomb = """
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
    """

/// An alias bomb is a config error naming the key, found long before memory runs out.
@Test func aliasBombIsAConfigError() {
    let start = Date()
    let message = errorText { _ = try ConfigNode.parse(yaml: aliasBomb, file: "experiment.yaml") }
    #expect(Date().timeIntervalSince(start) < 10)
    // Aliases carry the line of what they name.
    #expect(message == "experiment.yaml:1: f[0][3][3][7][2][1]: the YAML expands to more than 100,000 values (aliases and anchors repeat what they name); "
        + "a config needs far fewer, so write the values out or remove the aliases")
}

/// The same through --set, which is YAML too.
@Test func aliasBombInAnOverride() {
    var node = ConfigNode.emptyMap(origin: "experiment.yaml")
    let bomb = "{" + aliasBomb.split(separator: "\n").joined(separator: ", ") + "}"
    let message = errorText { try node.apply(override: "params.fast=\(bomb)") }
    #expect(message.contains("the YAML expands to more than 100,000 values"))
    #expect(message.count < 400)
}

/// Deep nesting is refused at 64 levels.
@Test func deepNestingIsAConfigError() {
    let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
    let message = errorText { _ = try ConfigNode.parse(yaml: "a: " + deep, file: "experiment.yaml") }
    #expect(message.hasSuffix(": nested more than 64 levels deep; a config needs a few"))
}

/// Errors quote at most a short prefix of what they were given.
@Test func errorsQuoteAShortPrefix() {
    #expect(excerpt("abc") == "abc")
    #expect(excerpt(String(repeating: "9", count: 2_000_000)) == String(repeating: "9", count: 60) + "... (2000000 characters)")
    let long = String(repeating: "z", count: 2_000_000)
    var node = ConfigNode.emptyMap(origin: "experiment.yaml")
    let set = errorText { try node.apply(override: "capital=\(long)"); _ = try ExperimentConfig.read(node, defaultName: "x", defaultStrategy: "s") }
    #expect(set.count < 400, "the error is \(set.count) characters")
    #expect(set.contains(String(repeating: "z", count: 60) + "... (2000000 characters)"))
}

/// A line longer than 65,536 bytes is not bar data: refused with its line, whichever path
/// (one pass or two halves) reads it.
@Test func overlongCSVLinesAreRefused() {
    let long = "2023-01-01T00:00:00Z,1,1,1,1," + String(repeating: "7", count: 70_000)
    let text = "timestamp,open,high,low,close,volume\n2022-12-31T00:00:00Z,1,1,1,1,1\n" + long + "\n"
    for threshold in [Int.max, 16] {
        #expect(errorText { _ = try CSVBarLoader.parse(text, source: "x.csv", symbol: "X", parallelThreshold: threshold) }
            == "x.csv:3: the line is 70029 bytes long; a line of bar data is at most 65,536 (is this a CSV file of bars, one bar per line?)")
    }
    #expect(errorText { _ = try CSVBarLoader.parse(String(repeating: "a", count: 70_000), source: "x.csv", symbol: "X") }
        == "x.csv:1: the line is 70000 bytes long; a line of bar data is at most 65,536 (is this a CSV file of bars, one bar per line?)")
}

/// A config takes at most 10,000 data files and 10,000 symbols.
@Test func filesAndSymbolsAreBounded() throws {
    let many = "[" + (0...10_000).map { "S\($0)" }.joined(separator: ", ") + "]"
    for key in ["files", "symbols"] {
        let node = try ConfigNode.parse(yaml: "data:\n  \(key): \(many)\n", file: "experiment.yaml")
        #expect(errorText { _ = try ExperimentConfig.read(node, defaultName: "x", defaultStrategy: "sma-crossover") }
            == "experiment.yaml:2: data.\(key): 10,001 \(key); a run takes at most 10,000 (split the universe into several experiments, or use one SQLite table)")
    }
}

/// `kill` of `quantbt run` (not of its process group) stops the experiment too: the signal
/// is passed on, the experiment removes its `.partial-` folder and records nothing.
@Test func killingQuantbtStopsTheExperiment() throws {
    let out = temporaryFolder("signal")
    defer { try? FileManager.default.removeItem(at: out) }
    let store = out.appendingPathComponent("runs.sqlite").path
    let p = Process()
    p.executableURL = builtExperiment("quantbt")
    p.arguments = ["run", "experiments/sma-crossover", "--no-build", "--store", store, "--json"]
    p.currentDirectoryURL = repositoryRoot
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    // The experiment's pid, from the kernel's list of quantbt's children (not from the store:
    // a new store is first filled from every folder under artifacts/, which can take longer
    // than the run on a developer's machine), then a moment for it to start computing.
    var child: Int32?
    let children = "/proc/\(p.processIdentifier)/task/\(p.processIdentifier)/children"
    let deadline = Date().addingTimeInterval(30)
    while child == nil, Date() < deadline {
        child = (try? String(contentsOfFile: children, encoding: .utf8))?.split(separator: " ").first.flatMap { Int32($0) }
        if child == nil { usleep(10_000) }
    }
    usleep(500_000)
    let pid = try #require(child, "the experiment never started")
    kill(p.processIdentifier, SIGTERM)
    p.waitUntilExit()
    #expect(p.terminationStatus == 128 + SIGTERM)
    // The experiment is gone too, and left no partial folder.
    usleep(200_000)
    #expect(kill(pid, 0) != 0)
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("artifacts/sma-crossover").path)) ?? []
    #expect(!folders.contains { $0.hasPrefix(".partial-") && $0.hasSuffix("-\(pid)") })
}

/// The whole grid is checked before any work, not just each axis: two axes within their own
/// limit can cross to 100 million cells, and five of 10,000 overflow an Int.
@Test func sweepGridIsCheckedWhole() throws {
    let axis = { (key: String, n: Int) in ParameterGrid.Axis(key: key, values: (1...n).map(String.init)) }
    try ParameterGrid(axes: [axis("params.fast", 1_000), axis("params.slow", 100)]).checkSize()  // exactly 100,000
    #expect(errorText { try ParameterGrid(axes: [axis("params.fast", 1_000), axis("params.slow", 101)]).checkSize() }
        == "sweep: the grid params.fast (1,000) x params.slow (101) has 101,000 combinations; a sweep runs at most 100,000: "
        + "remove an axis, narrow one or take a larger step")
    let five = (1...5).map { axis("params.p\($0)", 10_000) }
    #expect(errorText { try ParameterGrid(axes: five).checkSize() }
        == "sweep: the grid params.p1 (10,000) x params.p2 (10,000) x params.p3 (10,000) x params.p4 (10,000) x params.p5 (10,000) "
        + "has 1e+20 combinations; a sweep runs at most 100,000: remove an axis, narrow one or take a larger step")
    // Through the experiment's own flags: the error comes before any data is read or any config built.
    let start = Date()
    let command = try ExperimentCommand.parse(["experiments/sma-crossover", "--sweep", "--set", "params.fast=1:10000:1", "--set", "params.slow=1:10000:1"])
    #expect(errorText { _ = try command.run(SMACrossover.self) }
        == "sweep: the grid params.fast (10,000) x params.slow (10,000) has 100,000,000 combinations; a sweep runs at most 100,000: "
        + "remove an axis, narrow one or take a larger step")
    #expect(Date().timeIntervalSince(start) < 10)
}
