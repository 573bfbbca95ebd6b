/// A grid of values as inline SVG: rows are one key's values, columns another's, each cell
/// coloured from blue (worst) to red (best) with its value in a tooltip.
public struct Heatmap: Sendable {
    public var title: String
    /// Above the grid: which key is which.
    public var caption: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// [row][column]; nil draws grey (undefined).
    public var cells: [[Double?]]
    /// Each cell's tooltip, [row][column].
    public var tooltips: [[String]]
    public var lowerIsBetter: Bool
    /// The range line under the grid.
    public var rangeText: String
    /// Text drawn in each cell ([row][column]); nil: values only in tooltips.
    public var cellTexts: [[String]]?
    /// Colour by sign around 0 (red below, green above, stronger further out) instead of
    /// from worst to best: for returns, where 0 is the line that matters.
    public var diverging = false

    public init(title: String, caption: String, rowLabels: [String], columnLabels: [String], cells: [[Double?]], tooltips: [[String]],
                lowerIsBetter: Bool, rangeText: String) {
        (self.title, self.caption, self.rowLabels, self.columnLabels, self.cells) = (title, caption, rowLabels, columnLabels, cells)
        (self.tooltips, self.lowerIsBetter, self.rangeText) = (tooltips, lowerIsBetter, rangeText)
    }

    package func svg() -> String {
        let rows = cells.count, columns = cells.first?.count ?? 0
        let cell = max(18, min(60, 640 / max(columns, 1))), left = 90, top = 40
        let values = cells.flatMap { $0 }.compactMap { $0 }
        let low = values.min() ?? 0, high = values.max() ?? 1
        let extent = max(abs(low), abs(high), 1e-12)
        func color(_ v: Double?) -> String {
            guard let v else { return "#eee" }
            if diverging {
                let f = min(1, abs(v) / extent), fade = Int(245 - 150 * f)
                return v < 0 ? "rgb(235,\(fade),\(fade))" : "rgb(\(fade),225,\(fade))"
            }
            var f = high > low ? (v - low) / (high - low) : 0.5
            if lowerIsBetter { f = 1 - f }
            return "rgb(\(Int(40 + 200 * f)),80,\(Int(240 - 200 * f)))"
        }
        var svg = Markup.element("text", [("x", "\(left)"), ("y", "14"), ("font-size", "12")], text: caption)
        for (j, label) in columnLabels.enumerated() {
            svg += Markup.element("text", [("x", "\(left + j * cell + cell / 2)"), ("y", "\(top - 6)"), ("font-size", "10"), ("text-anchor", "middle")],
                                  text: label)
        }
        for i in 0..<rows {
            if i < rowLabels.count {
                svg += Markup.element("text", [("x", "\(left - 6)"), ("y", "\(top + i * cell + cell / 2 + 4)"), ("font-size", "10"), ("text-anchor", "end")],
                                      text: rowLabels[i])
            }
            for j in 0..<columns {
                svg += Markup.element("rect", [("x", "\(left + j * cell)"), ("y", "\(top + i * cell)"), ("width", "\(cell - 1)"), ("height", "\(cell - 1)"),
                                               ("fill", color(cells[i][j]))], markup: Markup.element("title", text: tooltips[i][j]))
                if let text = cellTexts?[i][j], !text.isEmpty {
                    svg += Markup.element("text", [("x", "\(left + j * cell + cell / 2)"), ("y", "\(top + i * cell + cell / 2 + 3)"),
                                                   ("font-size", "9"), ("text-anchor", "middle")], text: text)
                }
            }
        }
        svg += Markup.element("text", [("x", "\(left)"), ("y", "\(top + rows * cell + 18)"), ("font-size", "11")], text: rangeText)
        return Markup.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", "\(max(left + columns * cell + 20, 480))"),
                                      ("height", "\(top + rows * cell + 30)"), ("role", "img"), ("aria-label", title)], markup: svg)
    }
}
