import Foundation
@testable import Analysis
@testable import Config
@testable import Experiments
@testable import RunProvenance
@testable import Store
import GRDB
import Testing

private func runner(_ out: URL) -> ExperimentRunner {
    var r = ExperimentRunner(root: repositoryRoot, artifacts: out)
    r.toolchain = Toolchain(swift: "test", source: "test", compiledWith: "test")
    return r
}

private func config(_ name: String, _ overrides: [String] = []) throws -> ExperimentConfig {
    try ExperimentDirectory(path: repositoryRoot.appendingPathComponent("experiments/\(name)").path).loadConfig(overrides: overrides, defaultStrategy: DonchianBreakout.name)
}

/// Half a year of hourly ETH through the built-in SMA crossover: a quick plain run.
private func quickConfig() throws -> ExperimentConfig {
    try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: "2023-01-01",
                             to: "2023-06-30", overrides: ["costs.commission=0.001", "params.fast=12", "params.slow=48"])
}

private func folder(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : repositoryRoot.appendingPathComponent(path) }

/// A recorded run is indexed with its params, metrics, trades, data files, artifacts and
/// tags, exactly as its folder has them; tags.json is beside the artifacts, not in the manifest.
@Test func recordedRunIsIndexed() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    var r = runner(out)
    r.tags = ["author": "ana"]
    let outcome = try r.run(SMACrossover.self, config: try quickConfig())
    let store = try RunStore(path: out.appendingPathComponent("runs.sqlite").path)
    let id = folder(outcome.runDirectory).lastPathComponent
    let indexed = try store.run(id)
    #expect(indexed.run.status == "succeeded" && indexed.run.kind == "run" && indexed.run.experiment == "backtest-sma-crossover")
    #expect(indexed.params.map { "\($0.key)=\($0.text)" } == ["fast=12", "slow=48"])
    #expect(indexed.params.map(\.number) == [12, 48])
    #expect(indexed.metrics.first { $0.key == "sharpe" }?.value == outcome.metrics.sharpe)
    #expect(indexed.metrics.first { $0.key == "trades" }?.value == Double(outcome.metrics.trades))
    #expect(try store.trades(id).count == outcome.metrics.trades)
    let manifest = try GoldenVerifier.checkedRun(folder(outcome.runDirectory), label: "run")
    #expect(indexed.artifacts.map(\.file) == manifest.keys.sorted())
    #expect(indexed.artifacts.map(\.sha256) == manifest.keys.sorted().map { manifest[$0]! })
    #expect(indexed.datasets.map(\.path) == ["data/sample/ETHUSD-1h.csv"])
    #expect(indexed.tags == [TagRecord(runID: id, key: "author", value: "ana")])
    #expect(!manifest.keys.contains("tags.json"))
    var q = RunStore.Query()
    q.filter = try RunFilter("tags.author = 'ana' and metrics.trades > 0")
    #expect(try store.list(q).runs.map(\.run.id) == [id])
    // The trades were indexed from the values trades.csv was written from: the same rows
    // as reading the file back.
    #expect(try store.trades(id) == RunIndexer.content(folder(outcome.runDirectory), id: id).trades)
}

/// A run whose id is taken (the same config in the same second) is recorded as `<id>-2`,
/// and indexed under that name from its own folder; the first stays as it was.
@Test func runOfATakenIdIsIndexedUnderItsFolder() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = runner(out)
    let second = Date(timeIntervalSince1970: 1_764_806_400)
    let first = try r.run(SMACrossover.self, config: try quickConfig(), clock: { second })
    let again = try r.run(SMACrossover.self, config: try quickConfig(), clock: { second })
    let (a, b) = (folder(first.runDirectory).lastPathComponent, folder(again.runDirectory).lastPathComponent)
    #expect(b == a + "-2")
    let store = try RunStore(path: out.appendingPathComponent("runs.sqlite").path)
    #expect(try store.list(RunStore.Query()).runs.map(\.run.id).sorted() == [a, b])
    #expect(try store.run(b).run.runDir == again.runDirectory)
    #expect(try store.trades(b).count == again.metrics.trades)
    #expect(try store.trades(b).map(\.tradeID) == store.trades(a).map(\.tradeID))
}

/// Validation splits and scenarios, sweep cells and walk-forward folds are children of
/// their run, with their own metrics; reindexing twice gives the same rows as recording did.
@Test func childrenAndReindex() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = runner(out)
    var base = try config("risk-portfolio")
    base.sweep.grid = ParameterGrid(axes: [])
    let validation = try r.validate(DonchianBreakout.self, config: base)
    let grid = ParameterGrid(axes: [.init(key: "params.entry", values: ["40", "55"])])
    let configs = try grid.combinations.map { try config("risk-portfolio", grid.overrides($0)) }
    let sweep = try r.sweep(DonchianBreakout.self, base: base, grid: grid, configs: configs)
    let walk = try r.walkForward(DonchianBreakout.self, base: base, grid: ParameterGrid(axes: []), configs: [])
    let path = out.appendingPathComponent("runs.sqlite").path
    let store = try RunStore(path: path)
    let v = try store.run(folder(validation.runDirectory).lastPathComponent)
    #expect(v.children.map(\.run.kind).sorted() == ["scenario", "scenario", "scenario", "scenario", "scenario", "split", "split", "split"])
    #expect(v.metrics.first { $0.segment == "validation" && $0.key == "sharpe" }?.value
        == validation.splits.first { $0.scenario.name == "validation" }?.metrics?.sharpe)
    let train = try #require(v.children.first { $0.run.id.hasSuffix(":splits/train") })
    #expect(try store.trades(train.run.id).count == validation.splits.first { $0.scenario.name == "train" }?.metrics?.trades)
    let s = try store.run(folder(sweep.runDirectory).lastPathComponent)
    #expect(s.children.map { String($0.run.id.split(separator: ":").last!) } == ["cell/1", "cell/2"])
    #expect(s.children[1].params.first { $0.key == "entry" }?.text == "55")
    #expect(s.children[0].metrics.first { $0.segment == "train" && $0.key == "sharpe" }?.value == sweep.rows[0].train.sharpe)
    let w = try store.run(folder(walk.runDirectory).lastPathComponent)
    #expect(w.children.count == walk.folds.count)
    #expect(w.children[0].metrics.first { $0.segment == "test" && $0.key == "total_return" }?.value == walk.folds[0].testMetrics.totalReturn)

    func everything(_ store: RunStore) throws -> [IndexedRun] {
        var q = RunStore.Query()
        q.limit = 0
        return try store.list(q).runs.map { try store.run($0.run.id) }.map { r in
            var r = r
            r.trades = try store.trades(r.run.id)
            return r
        }
    }
    let recorded = try everything(store)
    _ = try RunIndex.rebuild(store, artifacts: out, root: repositoryRoot)
    let once = try everything(store)
    _ = try RunIndex.rebuild(store, artifacts: out, root: repositoryRoot)
    #expect(try everything(store) == once)
    #expect(once == recorded)
    #expect(once.count == 3)
}

/// A folder that took another name than its save expected (another process took that one
/// first): the staged rows are rolled back and the folder is indexed under its own name.
@Test func folderRenamedElsewhereIsIndexedUnderItsName() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = runner(out)
    let outcome = try r.run(SMACrossover.self, config: try quickConfig())
    let run = folder(outcome.runDirectory), id = run.lastPathComponent
    let store = try RunStore(path: out.appendingPathComponent("runs.sqlite").path)
    try store.delete(id)
    let recording = try #require(IndexedRecording(runner: r, kind: "run", experiment: "backtest-sma-crossover", started: Date()))
    let staged = recording.stage(run, runID: id + "-2")
    staged.rowsReady()
    recording.succeeded(run, staged: staged)
    #expect(try store.list(RunStore.Query()).runs.map(\.run.id) == [id])
    #expect(try store.trades(id).count == outcome.metrics.trades)
    #expect(try store.trades(id + "-2").isEmpty)
}

/// Four processes recording at once all land: no row is lost to a busy database.
@Test func concurrentProcessesAllLand() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    let binary = builtExperiment("daily-momentum")
    let store = out.appendingPathComponent("runs.sqlite").path
    let errors = (0..<4).map { out.appendingPathComponent("stderr-\($0).txt") }
    let processes = try (0..<4).map { k -> Process in
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Each process records two runs one after the other; what it says goes to a file, so
        // a failure shows why.
        p.arguments = ["-c", "for i in 1 2; do '\(binary.path)' '\(repositoryRoot.path)/experiments/daily-momentum' --artifacts '\(out.path)' --store '\(store)' --json >/dev/null 2>>'\(errors[k].path)' || exit 1; done"]
        p.currentDirectoryURL = repositoryRoot
        try p.run()
        return p
    }
    for p in processes { p.waitUntilExit() }
    let said = errors.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map(\.terminationStatus)): \(said)")
    var q = RunStore.Query()
    q.limit = 0
    let runs = try RunStore(path: store).list(q).runs
    #expect(runs.count == 8)
    #expect(runs.allSatisfy { $0.run.status == "succeeded" })
}

/// A run killed while it computes never shows as succeeded: its row is failed once its
/// process is gone, and no run folder appears.
@Test func killedRunIsNeverSucceeded() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    let store = out.appendingPathComponent("runs.sqlite").path
    let p = Process()
    p.executableURL = builtExperiment("sma-crossover")
    p.arguments = [repositoryRoot.appendingPathComponent("experiments/sma-crossover").path, "--artifacts", out.path, "--store", store, "--json"]
    p.currentDirectoryURL = repositoryRoot
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(20)
    var sawRunning = false
    while Date() < deadline, !sawRunning {
        // Read-only, so the poll never competes with the run for the write lock.
        var readOnly = Configuration()
        readOnly.readonly = true
        if FileManager.default.fileExists(atPath: store), let db = try? DatabaseQueue(path: store, configuration: readOnly) {
            sawRunning = ((try? db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM runs WHERE status = 'running'") }) ?? nil ?? 0) > 0
        }
        if !sawRunning { usleep(10_000) }
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(sawRunning)
    var q = RunStore.Query()
    q.limit = 0
    let runs = try RunStore(path: store).list(q).runs
    #expect(runs.count == 1)
    #expect(runs.allSatisfy { $0.run.status == "failed" })
    let finished = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("sma-crossover").path))?.filter { !$0.hasPrefix(".") } ?? []
    #expect(finished.isEmpty)
}

/// A damaged store file: a clear error naming the fix, and the fix works.
@Test func corruptStoreIsRebuiltByReindex() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    _ = try runner(out).run(SMACrossover.self, config: try quickConfig())
    let path = out.appendingPathComponent("runs.sqlite").path
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    try Data(String(repeating: "garbage ", count: 1000).utf8).write(to: URL(fileURLWithPath: path))
    #expect(errorText { _ = try RunIndex.open(path, artifacts: out, root: repositoryRoot) }
        == "the results store \(path) is damaged (file is not a database); run `quantbt runs reindex` to rebuild it from the run folders")
    let result = try RunIndex.rebuild(try RunIndex.openForRebuild(path), artifacts: out, root: repositoryRoot)
    #expect(result.indexed == 1 && result.damaged == 0 && result.skipped.isEmpty)
}

/// A folder whose files no longer match its manifest is indexed as damaged.
@Test func tamperedFolderIsDamaged() throws {
    let out = temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: out) }
    let outcome = try runner(out).run(SMACrossover.self, config: try quickConfig())
    let trades = folder(outcome.runDirectory).appendingPathComponent("trades.csv")
    try (try String(contentsOf: trades, encoding: .utf8) + "\n").write(to: trades, atomically: true, encoding: .utf8)
    let store = try RunStore(path: out.appendingPathComponent("runs.sqlite").path)
    let result = try RunIndex.rebuild(store, artifacts: out, root: repositoryRoot)
    #expect(result.damaged == 1)
    let run = try store.run(folder(outcome.runDirectory).lastPathComponent).run
    #expect(run.status == "damaged" && run.error == "trades.csv is missing or does not match its SHA-256 in manifest.json")
}
