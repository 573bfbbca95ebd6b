import Reports

/// A server page: the report style, a bar of links, the body. Self-contained like the
/// reports (no script, nothing from the network); every text goes through `Markup`.
enum PageShell {
    static func render(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'">
        \(Markup.element("title", text: title))
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:1200px;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:0.8em 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
        td.n,td.better,td.worse,td.same,td.changed{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}th a{color:#222}
        svg{display:block;margin:0.5em 0 1.5em;max-width:100%;height:auto}.legend span{margin-right:1.5em;font-size:13px}
        .note{color:#555;font-size:13px}header{border-bottom:1px solid #ddd;margin-bottom:1em;padding-bottom:0.5em}header a{margin-right:1.2em}
        a{color:#1f5fa8;text-decoration:none}input[type=text]{width:36em;font-family:ui-monospace,monospace}
        .better{background:#dff3df}.worse{background:#fbe1e1}.same{color:#888}.changed{background:#fff6d6}
        .badge{display:inline-block;padding:2px 9px;border-radius:10px;margin:0 0.5em 0.5em 0;font-size:13px}
        .yes{background:#dff3df}.no{background:#fbe1e1}.error{color:#a40000}.first{background:#ffe9a8;font-weight:600}
        </style></head><body>
        <header><a href="/"><b>QuantBT</b></a><a href="/">Runs</a><a href="/api/v1/jobs">Jobs (JSON)</a><a href="/api/v1/openapi.yaml">API</a></header>
        \(Markup.element("h1", text: title))
        \(body)
        </body></html>

        """
    }

    /// A table from header cells and rows of cells already in markup.
    static func table(_ header: [String], _ rows: [[String]], classes: [[String]]? = nil) -> String {
        let head = Markup.element("tr", markup: header.joined())
        let body = rows.enumerated().map { i, row in
            Markup.element("tr", markup: row.enumerated().map { j, cell in
                let c = classes?[i][j] ?? ""
                return c.isEmpty ? Markup.element("td", markup: cell) : Markup.element("td", [("class", c)], markup: cell)
            }.joined())
        }.joined()
        return Markup.element("table", markup: Markup.element("thead", markup: head) + Markup.element("tbody", markup: body))
    }

    static func th(_ text: String) -> String { Markup.element("th", text: text) }
    static func link(_ href: String, _ text: String) -> String { Markup.element("a", [("href", href)], text: text) }
}
