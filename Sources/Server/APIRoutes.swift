import Analysis
import Experiments
import Foundation
import HTTPTypes
import Hummingbird
import Model
import Store

/// The JSON API under /api/v1: health, jobs (submit, list, show, cancel), runs (list with
/// the store's filter language, show, artifacts), compare (`quantbt diff` as JSON) and the
/// OpenAPI document. Every route is in `routes`, which a test checks against openapi.yaml.
struct APIRoutes: Sendable {
    let settings: ServerSettings
    let store: RunStore
    let runs: RunFolders

    /// (method, path) of every API route, as openapi.yaml spells them.
    static let routes: [(String, String)] = [
        ("GET", "/api/v1/health"), ("POST", "/api/v1/jobs"), ("GET", "/api/v1/jobs"), ("GET", "/api/v1/jobs/{id}"),
        ("POST", "/api/v1/jobs/{id}/cancel"), ("GET", "/api/v1/runs"), ("GET", "/api/v1/runs/{id}"),
        ("GET", "/api/v1/runs/{id}/artifacts/{file}"), ("GET", "/api/v1/compare"), ("GET", "/api/v1/openapi.yaml"),
    ]

    func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("health") { _, _ in JSONBody.response(.map(["status": .string("ok")])) }
        api.post("jobs") { request, context in try await submit(request, context) }
        api.get("jobs") { request, _ in try listJobs(request) }
        api.get("jobs/:id") { _, context in JSONBody.response(Self.json(try job(context))) }
        api.post("jobs/:id/cancel") { _, context in
            let id = try job(context).id!
            guard let job = try store.cancelJob(id, now: JobRunner.now()) else { throw APIError.notFound("job \(id)") }
            return JSONBody.response(Self.json(job), status: .accepted)
        }
        api.get("runs") { request, _ in try listRuns(request) }
        api.get("runs/:id") { _, context in JSONBody.response(RunDetails.json(try runs.indexed(context.parameters.get("id") ?? ""))) }
        api.get("runs/:id/artifacts/**") { _, context in
            let file = context.parameters.getCatchAll().joined(separator: "/")
            let (data, type) = try runs.artifact(context.parameters.get("id") ?? "", file)
            return JSONBody.bytes(data, type: type)
        }
        api.get("compare") { request, _ in
            let (a, b) = try Self.pair(request)
            return JSONBody.response(try runs.diff(a, b).canonical)
        }
        api.get("openapi.yaml") { _, _ in JSONBody.text(OpenAPIDocument.text, type: "application/yaml") }
    }

    private func submit(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: ServerSettings.maxBody) } catch {
            throw APIError(.contentTooLarge, "the request body is over \(ServerSettings.maxBody / 1024) KB")
        }
        let job: JobRequest
        do { job = try JobRequest.parse(Data(buffer: body), root: settings.root) } catch { throw APIError(.badRequest, error.message, field: error.field) }
        let key = request.headers[idempotencyKey]
        if let key, key.count > 200 { throw APIError(.badRequest, "Idempotency-Key: at most 200 characters", field: "Idempotency-Key") }
        let record = JobRecord(experiment: job.experiment, kind: job.kind, overrides: job.overrides, tags: job.tags, timeout: job.timeout,
                               submitted: JobRunner.now(), idempotencyKey: key)
        guard let (saved, created) = try store.submit(record, limit: settings.maxQueued) else {
            throw APIError(.tooManyRequests, "\(settings.maxQueued) jobs are already queued; wait for some to finish")
        }
        var headers = HTTPFields()
        headers[.location] = "/api/v1/jobs/\(saved.id!)"
        return JSONBody.response(Self.json(saved), status: created ? .accepted : .ok, headers: headers)
    }

    private func job(_ context: BasicRequestContext) throws -> JobRecord {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), let job = try store.job(id) else { throw APIError.notFound("job '\(excerpt(text))'") }
        return job
    }

    private func listJobs(_ request: Request) throws -> Response {
        let status = request.uri.queryParameters.get("status")
        if let status, !JobRecord.statuses.contains(status) {
            throw APIError(.badRequest, "status: '\(excerpt(status))' is not one of \(JobRecord.statuses.joined(separator: ", "))", field: "status")
        }
        return JSONBody.response(.map(["jobs": .list(try store.jobs(status: status).map(Self.json))]))
    }

    private func listRuns(_ request: Request) throws -> Response {
        let q = request.uri.queryParameters
        var query = RunStore.Query()
        if let text = q.get("filter"), !text.isEmpty {
            do { query.filter = try RunFilter(text) } catch { throw APIError(.badRequest, "\(error)", field: "filter") }
        }
        if let sort = q.get("sort"), !sort.isEmpty {
            (query.sortBy, query.descending) = sort.hasPrefix("-") ? (String(sort.dropFirst()), true) : (sort, false)
        }
        if let limit = q.get("limit") {
            guard let n = Int(limit), (1...10_000).contains(n) else { throw APIError(.badRequest, "limit: a whole number from 1 to 10000", field: "limit") }
            query.limit = n
        }
        if let kind = q.get("kind") { query.kind = kind }
        let (found, total): ([ListedRun], Int)
        do { (found, total) = try store.list(query) } catch { throw APIError(.badRequest, "\(error)", field: "sort") }
        return JSONBody.response(.map(["runs": .list(found.map(RunListing.json)), "total": .int(total)]))
    }

    static func pair(_ request: Request) throws -> (String, String) {
        let q = request.uri.queryParameters
        let picked = q.getAll("run")
        guard let a = q.get("a") ?? picked.first, let b = q.get("b") ?? (picked.count > 1 ? picked[1] : nil) else {
            throw APIError(.badRequest, "compare needs two runs: ?a=ID&b=ID", field: q.get("a") == nil ? "a" : "b")
        }
        return (a, b)
    }

    static func json(_ job: JobRecord) -> CanonicalValue {
        func text(_ s: String?) -> CanonicalValue { s.map { .string($0) } ?? .null }
        return .map([
            "id": .string(String(job.id ?? 0)), "experiment": .string(job.experiment), "kind": .string(job.kind),
            "set": .list(job.overrideList.map { .string($0) }), "tags": .map(job.tagMap.mapValues { .string($0) }),
            "status": .string(job.status), "progress": .number(job.progress), "submitted": .string(job.submitted),
            "started": text(job.started), "finished": text(job.finished), "attempts": .int(job.attempts), "run_id": text(job.runID),
            "error": text(job.error), "timeout": .optional(job.timeout),
        ])
    }
}


/// `Idempotency-Key`: the same key returns the same job.
let idempotencyKey = HTTPField.Name("Idempotency-Key")!
