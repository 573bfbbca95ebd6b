/// Renders a `Report` as one self-contained HTML page: an inline style sheet, inline SVG,
/// no script and nothing from the network (its Content-Security-Policy forbids every load,
/// so a stray remote reference is refused and shows as a console error, which the browser
/// check catches). All escaping is `Markup`'s.
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String {
        page(title: report.title, headings: report.headings, blocks: report.blocks.map(render))
    }

    /// The page around blocks already rendered (`RenderedReport` renders them ahead).
    static func page(title: String, headings: [String], blocks: [String]) -> String {
        var body = Markup.element("h1", text: title)
        // A line of links to the sections: a long report is read by jumping.
        if headings.count > 3 {
            body += "\n" + Markup.element("nav", markup: headings.map { Markup.element("a", [("href", "#" + anchor($0))], text: $0) }.joined(separator: " · "))
        }
        for block in blocks { body += "\n" + block }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            \(Markup.element("title", text: title))
            <style>
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
            table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
            td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}svg{display:block;margin:0.5em 0 1.5em;max-width:100%;height:auto}
            .legend span{margin-right:1.5em;font-size:13px}.note{color:#555;font-size:13px}table.kv td{text-align:left;font-family:ui-monospace,monospace}
            nav{font-size:14px;line-height:1.8;margin-bottom:1em}nav a{color:#1f5fa8;text-decoration:none}
            @media print{body{margin:0;max-width:none}nav{display:none}svg,table{page-break-inside:avoid}h2{page-break-after:avoid}}
            </style></head><body>
            \(body)
            </body></html>

            """
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let text): Markup.element("h2", [("id", anchor(text))], text: text)
        case .paragraph(let text): Markup.element("p", text: text)
        case .note(let text): Markup.element("p", [("class", "note")], text: text)
        case .list(let items): Markup.element("ul", markup: items.map { Markup.element("li", text: $0) }.joined())
        case .keyValues(let pairs):
            Markup.element("table", [("class", "kv")], markup: Markup.element("tbody", markup: pairs.map { k, v in
                Markup.element("tr", markup: Markup.element("th", text: k) + Markup.element("td", text: v))
            }.joined()))
        case .table(let t): table(t)
        case .chart(.lines(let chart)): chart.svg()
        case .chart(.heatmap(let map)): map.svg()
        case .chart(.bars(let chart)): chart.svg()
        }
    }

    /// A heading's id: lower case, runs of anything but letters and digits as one "-".
    static func anchor(_ heading: String) -> String {
        var out = "", dash = false
        for c in heading.lowercased() {
            if c.isLetter || c.isNumber { out.append(c); dash = false } else if !dash && !out.isEmpty { out.append("-"); dash = true }
        }
        return dash ? String(out.dropLast()) : out
    }

    static func table(_ t: ReportTable) -> String {
        let head = Markup.element("tr", markup: t.header.map { Markup.element("th", text: $0) }.joined())
        let body = t.rows.map { row in Markup.element("tr", markup: row.map { Markup.element("td", text: $0) }.joined()) }.joined()
        return Markup.element("table", markup: Markup.element("thead", markup: head) + Markup.element("tbody", markup: body))
    }
}
