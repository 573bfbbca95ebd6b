import Foundation
import Model

/// Lines over time as inline SVG: no script, no network, deterministic text (fixed
/// decimals, points thinned by a fixed stride). Names reach the page only through `Markup`.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var points: [(Int64, Double)]

        public init(name: String, points: [(Int64, Double)]) {
            (self.name, self.points) = (name, points)
        }
    }

    public var title: String
    public var series: [Series]
    public var width = 960
    public var height: Int
    /// Axis labels as percentages (0.25 reads 25%): drawdowns and returns.
    public var percent = false

    public init(title: String, series: [Series], height: Int) {
        (self.title, self.series, self.height) = (title, series, height)
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// At most `limit` (time, value) points: every k-th, plus the last.
    public static func points(_ times: [Int64], _ values: [Double], limit: Int = 800) -> [(Int64, Double)] {
        guard !times.isEmpty else { return [] }
        let step = max(1, times.count / limit)
        var out = stride(from: 0, to: times.count, by: step).map { (times[$0], values[$0]) }
        if out.last?.0 != times.last { out.append((times.last!, values.last!)) }
        return out
    }

    /// Drawdown from the running peak (≤ 0), the initial capital counted as a peak.
    public static func drawdown(_ equity: [Double], start: Double) -> [Double] {
        var peak = start
        return equity.map { e in peak = max(peak, e); return e / peak - 1 }
    }

    /// The legend and the chart; empty when there is nothing to draw.
    package func svg() -> String {
        let all = series.flatMap(\.points)
        guard let t0 = all.map(\.0).min(), let t1 = all.map(\.0).max(), let v0 = all.map(\.1).min(), let v1 = all.map(\.1).max() else { return "" }
        let left = 70.0, right = 10.0, top = 10.0, bottom = 24.0
        let w = Double(width) - left - right, h = Double(height) - top - bottom
        let span = Double(max(t1 - t0, 1)), range = v1 > v0 ? v1 - v0 : 1
        func x(_ t: Int64) -> String { FixedDecimal.string(left + Double(t - t0) / span * w, decimals: 1) }
        func y(_ v: Double) -> String { FixedDecimal.string(top + (1 - (v - v0) / range) * h, decimals: 1) }
        var svg = Markup.empty("rect", [("x", "\(Int(left))"), ("y", "\(Int(top))"), ("width", "\(Int(w))"), ("height", "\(Int(h))"),
                                        ("fill", "none"), ("stroke", "#ccc")])
        for value in [v1, v0] {
            svg += Markup.element("text", [("x", "\(Int(left) - 4)"), ("y", y(value)), ("font-size", "11"), ("text-anchor", "end"),
                                           ("dominant-baseline", "middle")], text: percent ? String(format: "%.1f%%", value * 100) : String(format: abs(value) < 10 ? "%.3f" : "%.0f", value))
        }
        svg += Markup.element("text", [("x", "\(Int(left))"), ("y", "\(height - 6)"), ("font-size", "11")], text: Timestamp(milliseconds: t0).dateString)
        svg += Markup.element("text", [("x", "\(width - Int(right))"), ("y", "\(height - 6)"), ("font-size", "11"), ("text-anchor", "end")],
                              text: Timestamp(milliseconds: t1).dateString)
        for (i, s) in series.enumerated() {
            let path = s.points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
            svg += Markup.element("polyline", [("fill", "none"), ("stroke", Self.palette[i % Self.palette.count]), ("stroke-width", "1.2"),
                                               ("points", path), ("data-series", s.name)], markup: Markup.element("title", text: s.name))
        }
        let legend = series.enumerated().map { i, s in
            Markup.element("span", [("style", "color:\(Self.palette[i % Self.palette.count])")], text: "\u{25A0} " + s.name)
        }.joined()
        return Markup.element("div", [("class", "legend")], markup: legend)
            + Markup.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", "\(width)"), ("height", "\(height)"),
                                     ("viewBox", "0 0 \(width) \(height)"), ("role", "img"), ("aria-label", title)], markup: svg)
    }
}
