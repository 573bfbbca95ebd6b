import Analysis
import Experiments
import Foundation
import Hummingbird
import Model
import Reports
import Store

/// The pages, server-rendered and usable without JavaScript: `/` the runs table (filter,
/// sortable columns, checkboxes to compare two) with the jobs queued and running;
/// `/runs/{id}` the run's report with links to its files; `/compare?a=ID&b=ID`.
struct Pages: Sendable {
    let settings: ServerSettings
    let store: RunStore
    let runs: RunFolders

    static let headline = ["total_return", "sharpe", "max_drawdown", "trades"]

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in html(try index(request)) }
        router.get("runs/:id") { _, context in html(try runPage(context.parameters.get("id") ?? "")) }
        router.get("runs/:id/files/**") { _, context in
            let (data, type) = try runs.artifact(context.parameters.get("id") ?? "", context.parameters.getCatchAll().joined(separator: "/"))
            return JSONBody.bytes(data, type: type)
        }
        router.get("compare") { request, _ in
            let (a, b) = try APIRoutes.pair(request)
            return html(try ComparePage(runs: runs).render(a, b))
        }
    }

    func html(_ text: String) -> Response { JSONBody.text(text, type: "text/html") }

    static func query(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=?#")
        return pairs.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    func index(_ request: Request) throws -> String {
        let q = request.uri.queryParameters
        let filterText = q.get("filter") ?? "", sort = q.get("sort") ?? "-started"
        var query = RunStore.Query()
        query.limit = 200
        (query.sortBy, query.descending) = sort.hasPrefix("-") ? (String(sort.dropFirst()), true) : (sort, false)
        var problem: String?
        if !filterText.isEmpty {
            do { query.filter = try RunFilter(filterText) } catch { problem = "\(error)" }
        }
        var listed: [ListedRun] = [], total = 0
        if problem == nil {
            do { (listed, total) = try store.list(query) } catch { problem = "\(error)" }
        }
        var body = Markup.element("form", [("method", "get"), ("action", "/")], markup:
            Markup.element("label", markup: "Filter " + Markup.empty("input", [("type", "text"), ("name", "filter"), ("value", filterText),
                ("placeholder", "metrics.sharpe > 1 and params.fast <= 20")]))
            + Markup.empty("input", [("type", "hidden"), ("name", "sort"), ("value", sort)]) + " " + Markup.element("button", text: "Filter"))
        if let problem { body += Markup.element("p", [("class", "error")], text: problem) }
        body += jobsSection()
        body += Markup.element("h2", text: "Runs")
        body += Markup.element("p", [("class", "note")], text: "\(listed.count) of \(total) runs shown. Tick two and compare them.")
        func sortable(_ label: String, _ key: String) -> String {
            let next = sort == "-" + key ? key : "-" + key
            let arrow = sort == key ? " ▲" : sort == "-" + key ? " ▼" : ""
            return Markup.element("th", markup: PageShell.link("/?" + Self.query([("filter", filterText), ("sort", next)]), label + arrow))
        }
        let header = [PageShell.th("pick"), sortable("run", "id"), sortable("experiment", "experiment"), PageShell.th("kind"), PageShell.th("status"),
                      sortable("started", "started"), PageShell.th("commit"), PageShell.th("params")]
            + Self.headline.map { sortable($0.replacingOccurrences(of: "_", with: " "), "metrics.\($0)") }
        let rows = listed.map { r -> [String] in
            let m = Dictionary(r.metrics) { a, _ in a }
            return [Markup.empty("input", [("type", "checkbox"), ("name", "run"), ("value", r.run.id)]),
                    PageShell.link("/runs/\(r.run.id)", r.run.id), Markup.escape(r.run.experiment), Markup.escape(r.run.kind), Markup.escape(r.run.status),
                    Markup.escape(String((r.run.started ?? "").prefix(19))),
                    Markup.escape(String((r.run.gitCommit ?? "").prefix(8)) + (r.run.gitDirty == true ? " (dirty)" : "")),
                    Markup.escape(r.params.map { "\($0.0)=\($0.1)" }.joined(separator: " "))]
                + Self.headline.map { key in Markup.escape((m[key] ?? nil).map { Self.format(key, $0) } ?? "n/a") }
        }
        let numeric = Array(repeating: "", count: 8) + Array(repeating: "n", count: Self.headline.count)
        body += Markup.element("form", [("method", "get"), ("action", "/compare")], markup:
            PageShell.table(header, rows, classes: rows.map { _ in numeric }) + Markup.element("button", text: "Compare the two ticked runs"))
        return PageShell.render(title: "Runs", body: body)
    }

    static func format(_ key: String, _ v: Double) -> String {
        key == "trades" ? NumberFormat.value(v) : key == "sharpe" ? NumberFormat.fixed(v) : NumberFormat.percent(v, signed: key != "max_drawdown")
    }

    /// Jobs waiting or running (with progress), and the last ten that ended.
    func jobsSection() -> String {
        let active = ((try? store.jobs(status: "running")) ?? []) + ((try? store.jobs(status: "queued", limit: 50)) ?? [])
        let ended = ((try? store.jobs(limit: 30)) ?? []).filter { !["queued", "running"].contains($0.status) }.prefix(10)
        guard !active.isEmpty || !ended.isEmpty else { return "" }
        let rows = (active + ended).map { j -> [String] in
            let percent = Int((j.progress * 100).rounded())
            return [Markup.escape(String(j.id ?? 0)), Markup.escape(j.experiment), Markup.escape(j.kind), Markup.escape(j.status),
                    Markup.element("progress", [("max", "100"), ("value", String(percent))], text: "\(percent)%") + " \(percent)%",
                    Markup.escape(j.submitted), j.runID.map { PageShell.link("/runs/\($0)", $0) } ?? Markup.escape(j.error ?? "")]
        }
        return Markup.element("h2", text: "Jobs") + PageShell.table(
            ["job", "experiment", "kind", "status", "progress", "submitted", "run or error"].map(PageShell.th), rows)
    }

    /// The run's own report (its tearsheet), with a bar of links to its files.
    func runPage(_ given: String) throws -> String {
        let run = try runs.indexed(given)
        let folder = try runs.folder(run)
        let links = runs.files(folder).sorted().map { PageShell.link("/runs/\(run.run.id)/files/\($0)", $0) }.joined(separator: " · ")
        let bar = Markup.element("nav", [("style", "font-size:13px;border-bottom:1px solid #ddd;padding-bottom:0.6em")], markup:
            PageShell.link("/", "← all runs") + " · " + Markup.element("b", text: "Files: ") + links)
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("report.html").path) else {
            return PageShell.render(title: "Run \(run.run.id)", body: bar + Markup.element("p", text: "This run has no report.html."))
        }
        var page = String(decoding: data, as: UTF8.self)
        if let body = page.range(of: "<body>") { page.insert(contentsOf: "\n" + bar, at: body.upperBound) }
        return page
    }
}
