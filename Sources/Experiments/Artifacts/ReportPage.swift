/// The shared pieces of the reports (validate, sweep, walk-forward): an HTML shell with one
/// inline style sheet (self-contained, no network), HTML and Markdown tables, escaping.
enum ReportPage {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func html(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
        td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}svg{display:block;margin:0.5em 0 1.5em}
        .legend span{margin-right:1.5em;font-size:13px}
        </style></head><body>
        <h1>\(escape(title))</h1>
        \(body)
        </body></html>

        """
    }

    static func htmlTable(_ t: (header: [String], rows: [[String]])) -> String {
        let head: String = t.header.map { "<th>\(escape($0))</th>" }.joined()
        let body: String = t.rows.map { row in "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined()
        return "<table><thead><tr>" + head + "</tr></thead><tbody>" + body + "</tbody></table>"
    }

    static func htmlList(_ lines: [String]) -> String { "<ul>" + lines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }

    static func markdownTable(_ t: (header: [String], rows: [[String]])) -> String {
        (["| " + t.header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: t.header.count)]
            + t.rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    /// Rows padded into columns for a terminal (first column left, the rest right).
    static func terminalTable(_ t: (header: [String], rows: [[String]]), columns: Int? = nil) -> [String] {
        let rows = [t.header] + t.rows
        let count = columns ?? t.header.count
        let widths = (0..<count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + (0..<count).map { c in c == 0 ? RunSummary.pad(row[c], widths[c]) : RunSummary.padLeft(row[c], widths[c]) }.joined(separator: "  ")
        }
    }
}
