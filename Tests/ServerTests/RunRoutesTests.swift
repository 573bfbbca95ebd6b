import Engine
import Experiments
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Server

/// Two quick plain runs recorded into `folder`'s artifacts and store: half a year of hourly
/// ETH through the built-in SMA crossover, fast 12 and 24.
private func twoRuns(_ s: ServerSettings) throws -> (String, String) {
    var runner = ExperimentRunner(root: repositoryRoot, artifacts: s.artifacts)
    runner.storePath = s.storePath
    func run(_ fast: Int) throws -> String {
        let config = try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: "2023-01-01",
                                              to: "2023-06-30", overrides: ["costs.commission=0.001", "params.fast=\(fast)", "params.slow=48"])
        return URL(fileURLWithPath: try runner.run(SMACrossover.self, config: config).runDirectory).lastPathComponent
    }
    return (try run(12), try run(24))
}

/// Runs are listed with the filter language, shown, and their files served: only files the
/// manifest lists (and the reports); traversal, encoded slashes, absolute paths → 404.
@Test func runsAndTheirFiles() async throws {
    let folder = temporaryFolder("runs")
    defer { try? FileManager.default.removeItem(at: folder) }
    let s = settings(folder)
    let (a, b) = try twoRuns(s)
    let (app, _) = try testApplication(s)
    try await app.test(.router) { client in
        try await client.execute(uri: "/api/v1/runs?filter=params.fast%20%3E%2020&sort=-metrics.sharpe&limit=10", method: .get) {
            #expect($0.status == .ok)
            #expect(($0.json["runs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [b])
        }
        try await client.execute(uri: "/api/v1/runs?filter=params.fast%20%3E", method: .get) {
            #expect($0.status == .badRequest && $0.json["field"] as? String == "filter")
        }
        try await client.execute(uri: "/api/v1/runs/\(a)", method: .get) { response in
            #expect(response.status == .ok)
            let metrics = response.json["metrics"] as? [String: [String: Any]]
            #expect(metrics?["full"]?["trades"] != nil)
            #expect((response.json["artifacts"] as? [[String: Any]])?.contains { $0["file"] as? String == "trades.csv" } == true)
        }
        try await client.execute(uri: "/api/v1/runs/\(a)/artifacts/trades.csv", method: .get) { response in
            #expect(response.status == .ok && response.text.hasPrefix("trade_id,symbol,"))
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
        }
        try await client.execute(uri: "/api/v1/runs/\(a)/artifacts/report.html", method: .get) { #expect($0.status == .ok) }
        for hostile in ["../\(b)/trades.csv", "..%2F\(b)%2Ftrades.csv", "%2e%2e/runs.sqlite", "/etc/passwd", "trades.csv/../manifest.json",
                        "./trades.csv", "trades.csv%00", "tags.json", "provenance.json", "nothing.csv", "..", "../../../../etc/passwd"] {
            try await client.execute(uri: "/api/v1/runs/\(a)/artifacts/\(hostile)", method: .get) {
                #expect($0.status == .notFound, "\(hostile) gave \($0.status)")
            }
        }
        try await client.execute(uri: "/api/v1/runs/..%2F..%2Fetc/artifacts/trades.csv", method: .get) { #expect($0.status == .notFound) }
        try await client.execute(uri: "/api/v1/runs/nope", method: .get) { #expect($0.status == .notFound) }
        try await client.execute(uri: "/api/v1/compare?a=\(a)&b=\(b)", method: .get) { response in
            #expect(response.status == .ok)
            #expect((response.json["config"] as? [String: Any]) != nil || response.text.contains("params.fast"))
        }
        try await client.execute(uri: "/api/v1/compare?a=\(a)", method: .get) {
            #expect($0.status == .badRequest && $0.json["error"] as? String == "compare needs two runs: ?a=ID&b=ID")
        }
        // The pages: the runs table, a run's report with its files, the compare page.
        try await client.execute(uri: "/?filter=params.fast%20%3E%200", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.text.contains("name=\"run\" value=\"\(a)\"") && response.text.contains("action=\"/compare\""))
        }
        try await client.execute(uri: "/runs/\(a)", method: .get) { response in
            #expect(response.text.contains("/runs/\(a)/files/trades.csv") && response.text.contains(">Summary</h2>"))
        }
        try await client.execute(uri: "/runs/\(a)/files/../../runs.sqlite", method: .get) { #expect($0.status == .notFound) }
        try await client.execute(uri: "/compare?run=\(a)&run=\(b)", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.text.contains("id=\"delta-table\""))
            #expect(response.text.contains(">params.fast</td>"))
            let overlay = response.text.components(separatedBy: "id=\"equity-overlay\"").last ?? ""
            #expect(overlay.components(separatedBy: "<polyline").count - 1 >= 2, "two equity series overlaid")
            #expect(response.text.contains("First divergence"))
        }
    }
}

/// openapi.yaml (served at /api/v1/openapi.yaml) documents exactly the routes there are,
/// and every one of them is routed (an unknown route's 404 has no JSON error).
@Test func openAPIMatchesTheRoutes() async throws {
    let folder = temporaryFolder("openapi")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (app, _) = try testApplication(settings(folder))
    let yaml = OpenAPIDocument.text
    var documented: [(String, String)] = []
    var path: String?
    for line in yaml.split(separator: "\n") {
        if !line.hasPrefix(" ") { path = nil }  // a top-level key ends `paths:`
        if line.hasPrefix("  /") && line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
        if let p = path, let method = ["get", "post", "put", "delete", "patch"].first(where: { line == "    \($0):" }) {
            documented.append((method.uppercased(), p))
        }
    }
    #expect(documented.map { "\($0.0) \($0.1)" }.sorted() == APIRoutes.routes.map { "\($0.0) \($0.1)" }.sorted())
    try await app.test(.router) { client in
        try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { #expect($0.status == .ok && $0.text == yaml) }
        for (method, route) in APIRoutes.routes {
            let uri = route.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{file}", with: "x.csv")
            try await client.execute(uri: uri, method: method == "GET" ? .get : .post, body: jsonBody("{}")) { response in
                #expect(response.status != .notFound || response.json["error"] != nil, "\(method) \(route) is not routed")
            }
        }
        try await client.execute(uri: "/api/v1/nothing", method: .get) { #expect($0.status == .notFound && $0.json["error"] == nil) }
    }
}
