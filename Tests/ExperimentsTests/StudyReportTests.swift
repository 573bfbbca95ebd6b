import Foundation
@testable import Analysis
@testable import Config
@testable import Experiments
import Model
import Reports
import Testing

private func riskPortfolio(_ overrides: [String] = []) throws -> ExperimentConfig {
    try ExperimentDirectory(path: repositoryRoot.appendingPathComponent("experiments/risk-portfolio").path)
        .loadConfig(overrides: overrides, defaultStrategy: DonchianBreakout.name)
}

private func contents(_ folder: String, _ name: String) throws -> String {
    try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
}

/// Deletes the folder's report, rebuilds it with `quantbt report`'s code, and expects the
/// page the run wrote, byte for byte (both renderings); returns the HTML.
private func expectRebuildIsTheRunsOwn(_ folder: String) throws -> String {
    let html = try contents(folder, "report.html"), markdown = try contents(folder, "report.md")
    try FileManager.default.removeItem(atPath: "\(folder)/report.html")
    try FileManager.default.removeItem(atPath: "\(folder)/report.md")
    _ = try ReportRebuilder.rebuild(try LocatedRun.locate(folder, root: repositoryRoot))
    #expect(try contents(folder, "report.html") == html)
    #expect(try contents(folder, "report.md") == markdown)
    return html
}

/// Validate, sweep and walk-forward build their pages from the files they wrote, so
/// `quantbt report` rebuilds each byte for byte; the validation page carries the baseline's
/// tearsheet charts and tables, the split and stress equity, the sweep and the walk-forward.
@Test func studyReportsRebuildFromTheirFiles() throws {
    let out = temporaryFolder("study-reports")
    defer { try? FileManager.default.removeItem(at: out) }
    let runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
    let base = try riskPortfolio()
    let grid = base.sweep.grid
    let configs = try grid.combinations.map { try riskPortfolio(grid.overrides($0)) }

    let validation = try runner.validate(DonchianBreakout.self, config: base, grid: grid, configs: configs)
    let page = try expectRebuildIsTheRunsOwn(validation.runDirectory)
    for heading in ["Splits", "Stress scenarios", "Baseline", "Split equity (each split starts at 1)",
                    "Baseline against full-period stress scenarios", "Sweep on train", "Walk-forward", "Stitched out-of-sample equity",
                    "Test return by fold"] + Tearsheet.sections.filter({ !["Summary", "Risk", "Provenance"].contains($0) }) {
        #expect(page.contains(">\(heading)</h2>"), "the validation page has no section \(heading)")
    }
    for scenario in validation.entries where scenario.result != nil {
        #expect(FileManager.default.fileExists(atPath: "\(validation.runDirectory)/\(scenario.scenario.folder)breakdowns.json"))
    }

    let sweep = try runner.sweep(DonchianBreakout.self, base: base, grid: grid, configs: configs)
    #expect(try expectRebuildIsTheRunsOwn(sweep.runDirectory).contains(">Sensitivity: sharpe on train</h2>"))
    let walk = try runner.walkForward(DonchianBreakout.self, base: base, grid: grid, configs: configs)
    #expect(try expectRebuildIsTheRunsOwn(walk.runDirectory).contains(">Test return by fold</h2>"))
}

/// The shipped validation golden rebuilds (into a copy) with every section.
@Test func goldenValidationReportRebuilds() throws {
    let copy = temporaryFolder("golden-validation").appendingPathComponent("risk-portfolio-validation")
    defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("golden/risk-portfolio-validation"), to: copy)
    let html = try expectRebuildIsTheRunsOwn(copy.path)
    for heading in ["Splits", "Stress scenarios", "Baseline", "Equity", "Monthly returns", "Sweep on train", "Walk-forward"] {
        #expect(html.contains(">\(heading)</h2>"))
    }
}

/// A sweep page read back: the grid, the objective's train and validation values and the
/// sensitivity are those of the run (results.csv keeps the objective on both splits).
@Test func sweepReadsBackFromItsFiles() throws {
    var plan = SweepPlan()
    plan.objective = .expectancy  // not one of results.csv's metric columns: read from `objective`
    let grid = ParameterGrid(axes: [.init(key: "params.a", values: ["1", "2"]), .init(key: "params.b", values: ["x", "y", "z"])])
    let rows = (0..<6).map { i -> SweepOutcome.Row in
        var train = PerformanceMetrics { _ in nil }
        train.expectancy = Double(i * 7 % 5)
        train.trades = i
        var validation = PerformanceMetrics { _ in nil }
        validation.expectancy = Double(i) / 4
        return SweepOutcome.Row(values: [["1", "2"][i / 3], ["x", "y", "z"][i % 3]], train: train, validation: validation)
    }
    let written = SweepOutcome(experiment: "e", plan: plan, grid: grid, rows: rows)
    let read = try SweepOutcome.read(experiment: "e", document: written.document, results: CSVTable(text: written.resultsCSV, name: "results.csv"))
    #expect(read.grid == grid)
    #expect(read.rows.map(\.values) == rows.map(\.values))
    #expect(read.rows.map(\.train.expectancy) == rows.map(\.train.expectancy))
    #expect(read.rows.map { $0.validation?.expectancy } == rows.map { $0.validation?.expectancy })
    #expect(read.sensitivity.best == written.sensitivity.best && read.sensitivity.stable == written.sensitivity.stable)
    #expect(HTMLRenderer.render(SweepReport.build(read, runID: "r")) == HTMLRenderer.render(SweepReport.build(written, runID: "r")))
}
