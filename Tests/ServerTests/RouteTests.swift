import Experiments
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Server

/// Health, a job submitted (202, Location, queued), the same Idempotency-Key giving the
/// same job, listing and showing jobs, cancelling a queued one.
@Test func jobsAreQueuedAndFollowed() async throws {
    let folder = temporaryFolder("routes")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (app, store) = try testApplication(settings(folder))
    try await app.test(.router) { client in
        try await client.execute(uri: "/api/v1/health", method: .get) { #expect($0.status == .ok) }
        let body = #"{"experiment": "sma-crossover", "kind": "run", "set": ["params.fast=60"], "tags": {"author": "ana"}}"#
        let first = try await client.execute(uri: "/api/v1/jobs", method: .post, headers: [idempotencyKey: "k1"], body: jsonBody(body))
        #expect(first.status == .accepted)
        #expect(first.headers[.location] == "/api/v1/jobs/1")
        #expect(first.json["status"] as? String == "queued" && first.json["id"] as? String == "1")
        #expect(first.json["set"] as? [String] == ["params.fast=60"] && first.json["tags"] as? [String: String] == ["author": "ana"])
        let again = try await client.execute(uri: "/api/v1/jobs", method: .post, headers: [idempotencyKey: "k1"], body: jsonBody(body))
        #expect(again.status == .ok && again.json["id"] as? String == "1")
        try await client.execute(uri: "/api/v1/jobs", method: .post, body: jsonBody(#"{"experiment": "risk-portfolio", "kind": "sweep", "set": ["params.entry=40,55"]}"#)) {
            #expect($0.status == .accepted)
        }
        try await client.execute(uri: "/api/v1/jobs?status=queued", method: .get) {
            #expect(($0.json["jobs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["2", "1"])
        }
        try await client.execute(uri: "/api/v1/jobs/1/cancel", method: .post) {
            #expect($0.status == .accepted && $0.json["status"] as? String == "cancelled")
        }
        try await client.execute(uri: "/api/v1/jobs/1", method: .get) { #expect($0.json["status"] as? String == "cancelled") }
        try await client.execute(uri: "/api/v1/jobs/99", method: .get) {
            #expect($0.status == .notFound && $0.json["error"] as? String == "job '99' not found")
        }
        try await client.execute(uri: "/api/v1/jobs?status=done", method: .get) {
            #expect($0.status == .badRequest)
            #expect($0.json["error"] as? String == "status: 'done' is not one of queued, running, succeeded, failed, cancelled")
        }
    }
    #expect(try store.jobs().count == 2)
}

/// Bad jobs are refused with 400, the CLI's words and the field, and nothing is queued:
/// unknown experiments and paths, a bad kind, malformed overrides, unknown keys and
/// parameters, an override that injects shell syntax, bad JSON, bad tags and time limits.
@Test(arguments: [
    (#"{"experiment": "nope"}"#, "unknown experiment 'nope'; experiments: daily-momentum, risk-portfolio, sma-crossover", "experiment"),
    (#"{"experiment": "../experiments/sma-crossover"}"#,
     "unknown experiment '../experiments/sma-crossover'; experiments: daily-momentum, risk-portfolio, sma-crossover", "experiment"),
    (#"{"experiment": "/etc"}"#, "unknown experiment '/etc'; experiments: daily-momentum, risk-portfolio, sma-crossover", "experiment"),
    (#"{"experiment": "sma-crossover", "kind": "backtest"}"#, "kind: 'backtest' is not one of run, validate, sweep, walk-forward", "kind"),
    (#"{"experiment": "sma-crossover", "set": ["params.fast"]}"#, "--set 'params.fast' must be KEY.PATH=VALUE, e.g. --set params.fast=10", "set"),
    (#"{"experiment": "sma-crossover", "set": ["params.fast=1;rm -rf /"]}"#,
     "parameter 'fast' of strategy 'sma-crossover' must be a whole number, got '1;rm -rf /'", "set"),
    (#"{"experiment": "sma-crossover", "set": ["params.fast=$(touch /tmp/pwned)"]}"#,
     "parameter 'fast' of strategy 'sma-crossover' must be a whole number, got '$(touch /tmp/pwned)'", "set"),
    (#"{"experiment": "sma-crossover", "set": ["params.fastt=5"]}"#,
     "unknown parameter 'fastt' for strategy 'sma-crossover' (did you mean 'fast'?); it takes: direction, fast, size, slow", "set"),
    (#"{"experiment": "sma-crossover", "set": ["costs.comission=5"]}"#,
     "--set costs.comission=5: costs.comission: unknown key (did you mean 'commission'?); known keys under costs: commission, commission_per_unit, "
        + "commission_fixed, commission_min, slippage_bps, slippage_range, slippage_atr, slippage_atr_period", "set"),
    (#"{"experiment": "sma-crossover", "set": ["params.fast=5,10"]}"#,
     "--set 'params.fast=5,10' gives several values: that is a sweep; submit kind \"sweep\", or give one value", "set"),
    (#"{"experiment": "sma-crossover", "set": "params.fast=5"}"#, "set: a list of KEY.PATH=VALUE strings, e.g. [\"params.fast=60\"]", "set"),
    (#"{"experiment": "sma-crossover", "tags": {"a=b": "c"}}"#,
     "tags: 'a=b' must be a key of 1 to 100 characters without '=' or control characters, with a value of at most 1,000", "tags"),
    (#"{"experiment": "sma-crossover", "timeout": -1}"#, "timeout: seconds above 0, e.g. 600", "timeout"),
    (#"{"experiment": "sma-crossover", "shell": "rm"}"#, "unknown field 'shell'; a job takes experiment, kind, set, tags and timeout", "shell"),
    (#"{"experiment": "sma-crossover""#, "the request body is not a JSON object; send e.g. {\"experiment\": \"sma-crossover\", \"kind\": \"run\"}", nil),
    (#"["sma-crossover"]"#, "the request body is not a JSON object; send e.g. {\"experiment\": \"sma-crossover\", \"kind\": \"run\"}", nil),
])
func badJobsAreRefused(_ body: String, _ error: String, _ field: String?) async throws {
    let folder = temporaryFolder("refused")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (app, store) = try testApplication(settings(folder))
    try await app.test(.router) { client in
        try await client.execute(uri: "/api/v1/jobs", method: .post, body: jsonBody(body)) { response in
            #expect(response.status == .badRequest)
            #expect(response.json["error"] as? String == error)
            #expect(response.json["field"] as? String == field)
        }
    }
    #expect(try store.jobs().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: "/tmp/pwned"))
}

/// A body over 1 MB is 413; a token guards /api (401 without it or with a wrong one) and
/// the pages (HTTP Basic, the token as password); past the queue limit, 429.
@Test func limitsAndTokens() async throws {
    let folder = temporaryFolder("limits")
    defer { try? FileManager.default.removeItem(at: folder) }
    var s = settings(folder, token: "s3cret-token")
    s.maxQueued = 2
    let (app, store) = try testApplication(s)
    let bearer: HTTPFields = [.authorization: "Bearer s3cret-token"]
    try await app.test(.router) { client in
        try await client.execute(uri: "/api/v1/health", method: .get) {
            #expect($0.status == .unauthorized)
            #expect($0.json["error"] as? String == "this server needs Authorization: Bearer TOKEN (the token it was started with)")
        }
        try await client.execute(uri: "/api/v1/health", method: .get, headers: [.authorization: "Bearer s3cret-tokem"]) { #expect($0.status == .unauthorized) }
        try await client.execute(uri: "/api/v1/health", method: .get, headers: bearer) { #expect($0.status == .ok) }
        try await client.execute(uri: "/", method: .get) { #expect($0.status == .unauthorized && $0.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true) }
        let basic = "Basic " + Data("ana:s3cret-token".utf8).base64EncodedString()
        try await client.execute(uri: "/", method: .get, headers: [.authorization: basic]) { #expect($0.status == .ok) }
        let huge = ByteBuffer(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
        try await client.execute(uri: "/api/v1/jobs", method: .post, headers: bearer, body: huge) {
            #expect($0.status == .contentTooLarge)
            #expect($0.json["error"] as? String == "the request body is over 1024 KB")
        }
        for expected in [HTTPResponse.Status.accepted, .accepted, .tooManyRequests] {
            try await client.execute(uri: "/api/v1/jobs", method: .post, headers: bearer, body: jsonBody(#"{"experiment": "risk-portfolio"}"#)) {
                #expect($0.status == expected)
            }
        }
    }
    #expect(try store.jobs().count == 2)
}
