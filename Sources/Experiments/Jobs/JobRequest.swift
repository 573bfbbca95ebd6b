import Analysis
import Config
import Foundation
import Model

/// Why a job request was refused: the words the CLI prints for the same mistake, and the
/// field of the request they are about (the server answers 400 with both).
package struct JobRequestError: Error, Equatable, CustomStringConvertible {
    package var message: String
    package var field: String?
    package var description: String { message }

    init(_ message: String, field: String? = nil) { (self.message, self.field) = (message, field) }
}

/// A job as submitted to `quantbt serve` (`POST /api/v1/jobs`), checked before anything is queued: the
/// experiment is a name under experiments/ (never a path), the kind one of four, every
/// override well formed and every key known to the experiment's config (the CLI's own
/// errors, word for word), tags KEY=VALUE, a positive time limit.
package struct JobRequest: Equatable, Sendable {
    package var experiment: String
    package var kind: String
    package var overrides: [String]
    package var tags: [String: String]
    package var timeout: Double?

    package static let kinds = ["run", "validate", "sweep", "walk-forward"]

    package init(experiment: String, kind: String, overrides: [String], tags: [String: String], timeout: Double?) {
        (self.experiment, self.kind, self.overrides, self.tags, self.timeout) = (experiment, kind, overrides, tags, timeout)
    }

    package static func parse(_ body: Data, root: URL) throws(JobRequestError) -> JobRequest {
        guard let object = try? JSONSerialization.jsonObject(with: body), let map = object as? [String: Any] else {
            throw JobRequestError("the request body is not a JSON object; send e.g. {\"experiment\": \"sma-crossover\", \"kind\": \"run\"}")
        }
        let known: Set = ["experiment", "kind", "set", "tags", "timeout"]
        if let unknown = map.keys.sorted().first(where: { !known.contains($0) }) {
            throw JobRequestError("unknown field '\(excerpt(unknown))'; a job takes experiment, kind, set, tags and timeout", field: unknown)
        }
        guard let experiment = map["experiment"] as? String else {
            throw JobRequestError("experiment: missing; name an experiment under experiments/, e.g. \"sma-crossover\"", field: "experiment")
        }
        let kind = map["kind"] == nil ? "run" : (map["kind"] as? String) ?? ""
        guard Self.kinds.contains(kind) else {
            throw JobRequestError("kind: '\(excerpt(kind))' is not one of \(Self.kinds.joined(separator: ", "))", field: "kind")
        }
        guard let overrides = (map["set"] ?? [String]()) as? [String] else {
            throw JobRequestError("set: a list of KEY.PATH=VALUE strings, e.g. [\"params.fast=60\"]", field: "set")
        }
        guard let tags = (map["tags"] ?? [String: String]()) as? [String: String] else {
            throw JobRequestError("tags: an object of strings, e.g. {\"author\": \"ana\"}", field: "tags")
        }
        var timeout: Double?
        if let t = map["timeout"], !(t is NSNull) {
            guard let seconds = (t as? NSNumber)?.doubleValue, !(t is Bool), seconds.isFinite, seconds > 0 else {
                throw JobRequestError("timeout: seconds above 0, e.g. 600", field: "timeout")
            }
            timeout = seconds
        }
        let request = JobRequest(experiment: experiment, kind: kind, overrides: overrides, tags: tags, timeout: timeout)
        try request.check(root: root)
        return request
    }

    /// The experiment exists, and its config takes these overrides (the CLI's checks).
    func check(root: URL) throws(JobRequestError) {
        let experiments = root.appendingPathComponent("experiments")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: experiments.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: experiments.appendingPathComponent("\($0)/experiment.yaml").path) }.sorted()
        let plain = experiment.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"#, options: .regularExpression) != nil
        guard plain, names.contains(experiment) else {
            throw JobRequestError("unknown experiment '\(excerpt(experiment))'; experiments: \(names.joined(separator: ", "))", field: "experiment")
        }
        for o in overrides where !o.contains("=") {
            throw JobRequestError("--set '\(excerpt(o))' must be KEY.PATH=VALUE, e.g. --set params.fast=10", field: "set")
        }
        var single: [String] = []
        for o in overrides {
            let axis: ParameterGrid.Axis?
            do { axis = try ParameterGrid.axis(override: o) } catch { throw JobRequestError("\(error)", field: "set") }
            if axis == nil { single.append(o); continue }
            if kind == "run" && o.hasPrefix("params.") {
                throw JobRequestError("--set '\(excerpt(o))' gives several values: that is a sweep; submit kind \"sweep\", or give one value", field: "set")
            }
        }
        do {
            let config = try ExperimentDirectory(path: experiments.appendingPathComponent(experiment).path).loadConfig(overrides: single, defaultStrategy: "")
            try ExperimentRunner.checkBuiltInParameters(config)
        } catch {
            throw JobRequestError("\(error)", field: "set")
        }
        for (key, value) in tags {
            let printable = { (s: String) in s.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control } }
            guard !key.isEmpty, key.count <= 100, !key.contains("="), printable(key), value.count <= 1_000, printable(value) else {
                throw JobRequestError("tags: '\(excerpt(key))' must be a key of 1 to 100 characters without '=' or control characters, "
                    + "with a value of at most 1,000", field: "tags")
            }
        }
    }

    /// The quantbt command line of the job, as a list (no shell is ever involved).
    package func arguments(store: String, artifacts: String, build: Bool) -> [String] {
        var args = [kind, "experiments/\(experiment)", "--json", "--store", store, "--artifacts", artifacts]
        for o in overrides { args += ["--set", o] }
        for (k, v) in tags.sorted(by: { $0.key < $1.key }) { args += ["--tag", "\(k)=\(v)"] }
        if !build { args.append("--no-build") }
        return args
    }
}
