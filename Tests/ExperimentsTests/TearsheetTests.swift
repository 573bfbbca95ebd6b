import Foundation
@testable import Analysis
@testable import Config
@testable import Experiments
import Model
import Reports
import Testing

private func config(_ overrides: [String] = []) throws -> ExperimentConfig {
    try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: "2023-01-01",
                             to: "2023-09-30", overrides: ["costs.commission=0.001"] + overrides)
}

private func read(_ folder: String, _ name: String) throws -> String {
    try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
}

/// The number a Summary cell shows, read back: "+12.34%" → 0.1234, "1,234" → 1234.
private func parse(_ text: String) -> Double? {
    let digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "+", with: "")
    if digits.hasSuffix("%") { return Double(digits.dropLast()).map { $0 / 100 } }
    return Double(digits)
}

/// What the shown value may differ from metrics.json by: half a unit of its last digit.
private func precision(_ format: Tearsheet.Format) -> Double {
    switch format {
    case .percent, .unsignedPercent: 0.00005
    case .ratio: 0.0005
    case .money: 0.005
    case .days: 0.05
    case .count: 0
    }
}

/// A plain run's tearsheet has every section, and every Summary number is metrics.json's.
@Test func tearsheetHasEverySectionAndSummaryEqualsMetrics() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let outcome = try ExperimentRunner(root: repositoryRoot, artifacts: out).run(SMACrossover.self, config: config())
    let html = try read(outcome.runDirectory, "report.html"), markdown = try read(outcome.runDirectory, "report.md")
    for section in Tearsheet.sections {
        #expect(html.contains(">\(section)</h2>"), "report.html has no section \(section)")
        #expect(markdown.contains("\n## \(section)\n"), "report.md has no section \(section)")
    }
    // Self-contained: no script, no reference outside the page (SVG's namespace is a name, not a load).
    let references = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!html.contains("<script") && !references.contains("http://") && !references.contains("https://") && !html.contains(" src="))

    let metrics = try #require(CanonicalValue(json: Data(try read(outcome.runDirectory, "metrics.json").utf8)))["metrics"]
    let rows = Dictionary(markdown.split(separator: "\n").compactMap { line -> (String, String)? in
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        return cells.count == 2 ? (cells[0], cells[1]) : nil
    }, uniquingKeysWith: { first, _ in first })
    #expect(Tearsheet.summaryRows.count == 20)
    for row in Tearsheet.summaryRows {
        let expected = try #require(metrics?[row.key]?.double, "metrics.json has no number \(row.key)")
        let shown = try #require(rows[row.label], "Summary has no row \(row.label)")
        let value = try #require(parse(shown), "Summary's \(row.label) is not a number: \(shown)")
        #expect(abs(value - expected) <= precision(row.format) + 1e-12,
                "Summary shows \(row.label) = \(shown), metrics.json has \(row.key) = \(expected)")
        #expect(html.contains(Tearsheet.format(expected, row.format)))
    }
}

/// `quantbt report` rebuilds, from the files alone, the page the run wrote: byte for byte.
@Test func reportRebuildEqualsTheRunsOwn() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let outcome = try ExperimentRunner(root: repositoryRoot, artifacts: out).run(SMACrossover.self, config: config())
    let html = try read(outcome.runDirectory, "report.html"), markdown = try read(outcome.runDirectory, "report.md")
    try FileManager.default.removeItem(atPath: "\(outcome.runDirectory)/report.html")
    let written = try ReportRebuilder.rebuild(try LocatedRun.locate(outcome.runDirectory, root: repositoryRoot))
    #expect(written.path == "\(outcome.runDirectory)/report.html")
    #expect(try read(outcome.runDirectory, "report.html") == html)
    #expect(try read(outcome.runDirectory, "report.md") == markdown)
    // Nothing else is left behind (no temporary files).
    #expect(try FileManager.default.contentsOfDirectory(atPath: outcome.runDirectory).filter { $0.hasPrefix(".") }.isEmpty)
}

/// The run renders its tearsheet ahead, beside its files, and finishes it with provenance;
/// a draft rendered for another run id is never used: that page is rendered whole.
@Test func tearsheetDraftIsFinishedWithProvenance() throws {
    let folder = repositoryRoot.appendingPathComponent("golden/sma-crossover")
    let provenance = try RunFolderFiles(folder: folder, label: "golden").document("provenance.json")
    let input = try #require(try RunFolderFiles(folder: folder, label: "golden").tearsheetInput(experiment: "sma-crossover", runID: "r1",
                                                                                               provenance: provenance))
    let whole = ReportRebuilder.rendered(Tearsheet.build(input))
    let draft = TearsheetDraft()
    var ahead = input
    ahead.provenance = nil
    draft.render(ahead)
    #expect(draft.pages(input).map(\.text) == whole.map(\.text))
    #expect(draft.pages(input).map(\.name) == ["report.md", "report.html"])
    var other = input
    other.runID = "r2"
    #expect(draft.pages(other).map(\.text) == ReportRebuilder.rendered(Tearsheet.build(other)).map(\.text))
}

/// The shipped golden folders rebuild too (into a copy: goldens are not written by tests).
@Test(arguments: ["sma-crossover", "daily-momentum", "risk-portfolio"])
func goldenReportsRebuild(_ name: String) throws {
    let copy = temporaryFolder().appendingPathComponent(name)
    defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("golden/\(name)"), to: copy)
    _ = try ReportRebuilder.rebuild(try LocatedRun.locate(copy.path, root: repositoryRoot))
    let html = try read(copy.path, "report.html")
    for section in Tearsheet.sections { #expect(html.contains(">\(section)</h2>")) }
}

/// A folder that cannot be rebuilt says so, and why.
@Test func reportRefusesWhatItCannotRebuild() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("{}".utf8).write(to: folder.appendingPathComponent("metrics.json"))
    let run = LocatedRun(url: folder, label: "old-run", kind: .run, experiment: "x")
    #expect(errorText { _ = try ReportRebuilder.rebuild(run) }
        == "old-run has no breakdowns.json: it was recorded before tearsheets; run the experiment again (or bless it again, for a golden folder)")
    try Data("{}".utf8).write(to: folder.appendingPathComponent("validation.json"))
    #expect(errorText { _ = try ReportRebuilder.rebuild(run) }
        == "old-run/validation.json lists no scenarios: it was recorded before validation reports were built from files; "
        + "run `quantbt validate` again (or bless it again, for a golden folder)")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("validation.json"))
    try Data(#"{"objective": "sharpe", "axes": []}"#.utf8).write(to: folder.appendingPathComponent("sweep.json"))
    try Data("combination,objective,total_return\n".utf8).write(to: folder.appendingPathComponent("results.csv"))
    #expect(errorText { _ = try ReportRebuilder.rebuild(run) }
        == "old-run/results.csv: no `objective` or `validation_objective` column; it was written by an older QuantBT")
}

/// `report.benchmark` must name a symbol of the run.
@Test func benchmarkMustBeASymbolOfTheRun() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
    #expect(errorText { _ = try runner.run(SMACrossover.self, config: config(["report.benchmark=BTCUSD"])) }
        == "report.benchmark: 'BTCUSD' is not a symbol of this run; its symbols are ETHUSD; name one of them, or remove the key to use the first")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    let outcome = try runner.run(SMACrossover.self, config: config(["report.benchmark=ETHUSD", "report.rolling_window=100"]))
    let breakdowns = try #require(CanonicalValue(json: Data(try read(outcome.runDirectory, "breakdowns.json").utf8)))
    #expect(breakdowns["benchmark"]?["symbol"]?.string == "ETHUSD")
    #expect(breakdowns["charts"]?["rolling_sharpe_window"]?.double == 100)
}
