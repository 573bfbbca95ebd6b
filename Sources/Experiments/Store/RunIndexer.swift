import Analysis
import Foundation
import RunProvenance
import Store

/// Reads a run folder into the rows the results store keeps: the run (from provenance.json
/// and manifest.json), its params (config.yaml), metrics by segment, trades, data files,
/// artifacts and tags, and its children (a validation's splits and scenarios, a sweep's
/// cells, a walk-forward's folds). Recording and `runs reindex` both go through here, so
/// a rebuilt index is the same as the one built as runs finished.
enum RunIndexer {
    /// `verify` re-hashes every file against the manifest (reindex): a folder that does not
    /// match is indexed as `damaged`.
    static func read(_ folder: URL, root: URL, verify: Bool) throws -> IndexedRun {
        guard ["provenance.json", "manifest.json"].allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) else {
            throw ArtifactError.runIncomplete("\(folder.path(relativeTo: root)): no provenance.json or manifest.json; not a finished run folder")
        }
        var indexed = try content(folder, id: folder.lastPathComponent)
        try finish(&indexed, folder: folder, root: root, verify: verify)
        return indexed
    }

    /// What the run's own files say: config (params), metrics, trades, tags and children.
    /// Readable from the `.partial-` folder before the commit, under the id it will have,
    /// so recording does this while the reports are rendered (`StagedSave`).
    /// `trades`, when given, stand for the rows of trades.csv (a plain run's, built from the
    /// values it was written from: the same rows, which `recordedRunIsIndexed` checks).
    static func content(_ folder: URL, id: String, trades given: [TradeRecord]? = nil) throws -> IndexedRun {
        let config = try ArtifactComparer.flat(folder.appendingPathComponent("config.yaml"), name: "\(id)/config.yaml", json: false)
        guard case .text(let experiment)? = config.leaves["name"] else {
            throw ArtifactError.runIncomplete("\(id)/config.yaml has no name: it is not a QuantBT run")
        }
        let kind = ["validation.json": "validate", "sweep.json": "sweep", "walk_forward.json": "walk-forward"]
            .first { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.key).path) }?.value ?? "run"
        var indexed = IndexedRun(run: RunRecord(id: id, experiment: experiment, kind: kind, status: "succeeded"))
        indexed.params = params(config, runID: id)
        indexed.tags = tags(folder, runID: id)
        switch kind {
        case "validate": try validation(folder, &indexed)
        case "sweep": try sweep(folder, prefix: "", &indexed)
        case "walk-forward": try walkForward(folder, prefix: "", &indexed)
        default:
            let url = folder.appendingPathComponent("metrics.json")
            indexed.metrics = FileManager.default.fileExists(atPath: url.path)
                ? metrics(try ArtifactComparer.flat(url, name: "\(id)/metrics.json", json: true), prefix: "metrics.", segment: "full", runID: id) : []
            indexed.trades = try given ?? trades(folder, runID: id)
        }
        return indexed
    }

    /// What the commit adds: provenance (code, data, toolchain, times) and the manifest
    /// (the artifacts; with `verify`, each hash checked), shared with the children.
    static func finish(_ indexed: inout IndexedRun, folder: URL, root: URL, verify: Bool) throws {
        let id = indexed.run.id
        let p = try ArtifactComparer.flat(folder.appendingPathComponent("provenance.json"), name: "\(id)/provenance.json", json: true).leaves
        let manifest = try ArtifactComparer.flat(folder.appendingPathComponent("manifest.json"), name: "\(id)/manifest.json", json: true)
        var run = indexed.run
        run.started = p["started"].flatMap(text)
        run.finished = p["finished"].flatMap(text)
        if case .number(let s)? = p["duration_seconds"] { run.durationMS = Int((s * 1000).rounded()) }
        run.gitCommit = p["git.commit"].flatMap(text)
        run.gitDirty = p["git.dirty"].flatMap(text).map { $0 == "true" }
        run.configSHA256 = p["config.sha256"].flatMap(text)
        run.manifestSHA256 = p["manifest_sha256"].flatMap(text)
        run.toolchain = p["toolchain.swift"].flatMap(text)
        run.host = [p["host.os"], p["host.architecture"]].compactMap { $0.flatMap(text) }.joined(separator: " ")
        run.runDir = folder.path(relativeTo: root)
        var d = 0
        indexed.datasets = []
        while case .text(let path)? = p["data[\(d)].path"] {
            let bytes = p["data[\(d)].bytes"].flatMap(number).map { Int($0) } ?? 0
            indexed.datasets.append(DatasetRecord(runID: id, path: path, bytes: bytes, sha256: p["data[\(d)].sha256"].flatMap(text) ?? ""))
            d += 1
        }
        run.dataSHA256 = indexed.datasets.isEmpty ? nil : SHA256Text.of(Data(indexed.datasets.map(\.sha256).joined(separator: "\n").utf8))
        indexed.artifacts = []
        for (key, leaf) in manifest.leaves where key.hasPrefix("files.") {
            guard let sha = text(leaf) else { continue }
            let file = String(key.dropFirst("files.".count))
            let url = folder.appendingPathComponent(file)
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            indexed.artifacts.append(ArtifactRecord(runID: id, file: file, bytes: (attributes?[.size] as? Int) ?? -1, sha256: sha))
            if verify, attributes == nil || (try? Data(contentsOf: url, options: .alwaysMapped)).map(SHA256Text.of) != sha {
                run.status = "damaged"
                run.error = "\(file) is missing or does not match its SHA-256 in manifest.json"
            }
        }
        indexed.artifacts.sort { $0.file < $1.file }
        indexed.run = run
        indexed.children = indexed.children.map { child in
            var c = child
            c.run = childRecord(run, String(child.run.id.dropFirst(id.count + 1)), kind: child.run.kind)
            return c
        }
    }

    // MARK: the kinds of run

    static func validation(_ folder: URL, _ indexed: inout IndexedRun) throws {
        let id = indexed.run.id
        let doc = try ArtifactComparer.flat(folder.appendingPathComponent("validation.json"), name: "\(id)/validation.json", json: true)
        indexed.metrics = metrics(doc, prefix: "baseline.", segment: "full", runID: id)
        indexed.trades = try trades(folder.appendingPathComponent("baseline"), runID: id)
        for (group, kind) in [("splits", "split"), ("stress", "scenario")] {
            let names = Set(doc.leaves.keys.compactMap { key -> String? in
                guard key.hasPrefix(group + ".") else { return nil }
                return key.dropFirst(group.count + 1).split(separator: ".").first.map(String.init)
            }).sorted()
            for name in names {
                let prefix = group == "splits" ? "splits.\(name).metrics." : "stress.\(name).metrics."
                indexed.metrics += metrics(doc, prefix: prefix, segment: name, runID: id)
                var child = IndexedRun(run: childRecord(indexed.run, "\(group)/\(name)", kind: kind))
                child.params = indexed.params.map { ParamRecord(runID: child.run.id, key: $0.key, text: $0.text) }
                child.metrics = metrics(doc, prefix: prefix, segment: "full", runID: child.run.id)
                child.trades = try trades(folder.appendingPathComponent("\(group)/\(name)"), runID: child.run.id)
                indexed.children.append(child)
            }
        }
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("sweep/sweep.json").path) { try sweep(folder, prefix: "sweep/", &indexed) }
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("walk-forward/walk_forward.json").path) {
            try walkForward(folder, prefix: "walk-forward/", &indexed)
        }
    }

    /// One child per combination of results.csv; the best's metrics on the parent.
    static func sweep(_ folder: URL, prefix: String, _ indexed: inout IndexedRun) throws {
        let id = indexed.run.id
        let doc = try ArtifactComparer.flat(folder.appendingPathComponent(prefix + "sweep.json"), name: "\(id)/\(prefix)sweep.json", json: true)
        if prefix.isEmpty {
            indexed.metrics = metrics(doc, prefix: "best.train.", segment: "train", runID: id) + metrics(doc, prefix: "best.validation.", segment: "validation", runID: id)
        }
        let table = try CSVTable(url: folder.appendingPathComponent(prefix + "results.csv"), name: "\(id)/\(prefix)results.csv")
        for row in table.rows {
            var child = IndexedRun(run: childRecord(indexed.run, "\(prefix.isEmpty ? "" : "sweep/")cell/\(row[0])", kind: "cell"))
            var params = Dictionary(indexed.params.map { ($0.key, $0.text) }) { a, _ in a }
            for (column, value) in zip(table.header, row) {
                if column.hasPrefix("params.") { params[String(column.dropFirst("params.".count))] = value; continue }
                guard column != "combination", column != "objective", let v = Double(value) else { continue }
                let validation = column.hasPrefix("validation_")
                child.metrics.append(MetricRecord(runID: child.run.id, segment: validation ? "validation" : "train",
                                                  key: validation ? String(column.dropFirst("validation_".count)) : column, value: v))
            }
            child.params = params.keys.sorted().map { ParamRecord(runID: child.run.id, key: $0, text: params[$0]!) }
            indexed.children.append(child)
        }
    }

    /// One child per fold with its chosen params and train and test metrics.
    static func walkForward(_ folder: URL, prefix: String, _ indexed: inout IndexedRun) throws {
        let id = indexed.run.id
        let doc = try ArtifactComparer.flat(folder.appendingPathComponent(prefix + "walk_forward.json"), name: "\(id)/\(prefix)walk_forward.json", json: true)
        if prefix.isEmpty { indexed.metrics = metrics(doc, prefix: "summary.", segment: "full", runID: id) }
        var f = 0
        while doc.leaves["folds[\(f)].train"] != nil {
            var child = IndexedRun(run: childRecord(indexed.run, "\(prefix.isEmpty ? "" : "walk-forward/")fold/\(f + 1)", kind: "fold"))
            var params = Dictionary(indexed.params.map { ($0.key, $0.text) }) { a, _ in a }
            for (key, leaf) in doc.leaves where key.hasPrefix("folds[\(f)].params.params.") {
                params[String(key.dropFirst("folds[\(f)].params.params.".count))] = text(leaf) ?? leaf.display
            }
            child.params = params.keys.sorted().map { ParamRecord(runID: child.run.id, key: $0, text: params[$0]!) }
            child.metrics = metrics(doc, prefix: "folds[\(f)].train_metrics.", segment: "train", runID: child.run.id)
                + metrics(doc, prefix: "folds[\(f)].test_metrics.", segment: "test", runID: child.run.id)
            indexed.children.append(child)
            f += 1
        }
    }

    // MARK: pieces

    static func childRecord(_ parent: RunRecord, _ place: String, kind: String) -> RunRecord {
        var r = parent
        (r.id, r.kind, r.parentID, r.error) = (parent.id + ":" + place, kind, parent.id, nil)
        return r
    }

    static func params(_ config: FlatDocument, runID: String) -> [ParamRecord] {
        config.paths.filter { $0.hasPrefix("params.") }.map { ParamRecord(runID: runID, key: String($0.dropFirst("params.".count)), text: config.leaves[$0]!.display) }
    }

    static func metrics(_ doc: FlatDocument, prefix: String, segment: String, runID: String) -> [MetricRecord] {
        doc.paths.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains(".") }.compactMap { path in
            switch doc.leaves[path]! {
            case .number(let v): MetricRecord(runID: runID, segment: segment, key: String(path.dropFirst(prefix.count)), value: v)
            case .null: MetricRecord(runID: runID, segment: segment, key: String(path.dropFirst(prefix.count)), value: nil)
            case .text: nil
            }
        }
    }

    static func trades(_ folder: URL, runID: String) throws -> [TradeRecord] {
        let url = folder.appendingPathComponent("trades.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let table = try CSVTable(url: url, name: "\(runID)/trades.csv")
        let c = TradeRecord.columns.dropLast().map { table.column($0) }
        guard c.allSatisfy({ $0 != nil }) else { return [] }
        let i = c.map { $0! }
        let tag = table.column("tag")  // absent in runs recorded before tags
        return table.rows.map { r in
            TradeRecord(runID: runID, tradeID: Int(r[i[0]]) ?? 0, symbol: r[i[1]], direction: r[i[2]], quantity: Double(r[i[3]]) ?? 0,
                        entryTime: r[i[4]], entryPrice: Double(r[i[5]]) ?? 0, exitTime: r[i[6]], exitPrice: Double(r[i[7]]) ?? 0,
                        commission: Double(r[i[8]]) ?? 0, pnl: Double(r[i[9]]) ?? 0, return: Double(r[i[10]]) ?? 0, bars: Int(r[i[11]]) ?? 0,
                        tag: tag.map { r[$0] } ?? "")
        }
    }

    /// tags.json: `{"key": "value"}`, written by `--tag` and `quantbt runs tag`.
    static func tags(_ folder: URL, runID: String) -> [TagRecord] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("tags.json").path),
              let map = try? JSONDecoder().decode([String: String].self, from: data) else { return [] }
        return map.keys.sorted().map { TagRecord(runID: runID, key: $0, value: map[$0]!) }
    }

    static func text(_ leaf: FlatDocument.Leaf) -> String? { if case .text(let s) = leaf { s } else { nil } }
    static func number(_ leaf: FlatDocument.Leaf) -> Double? { if case .number(let d) = leaf { d } else { nil } }
}
