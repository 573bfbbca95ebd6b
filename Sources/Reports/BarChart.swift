import Model
/// Vertical bars with a label under each and its value above or below, as inline SVG:
/// yearly returns, a histogram of trade returns. Positive bars green, negative red.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// Printed at the bar's end (empty: nothing).
        public var text: String
        /// Drawn red (a loss); by default, when the value is negative. A histogram of
        /// returns colours its bins by where they lie, not by their counts.
        public var negative: Bool

        public init(label: String, value: Double, text: String, negative: Bool? = nil) {
            (self.label, self.value, self.text, self.negative) = (label, value, text, negative ?? (value < 0))
        }
    }

    public var title: String
    public var bars: [Bar]
    public var width = 960
    public var height = 240

    public init(title: String, bars: [Bar]) { (self.title, self.bars) = (title, bars) }

    package func svg() -> String {
        guard !bars.isEmpty else { return "" }
        let left = 20.0, right = 10.0, top = 18.0, bottom = 34.0
        let w = Double(width) - left - right, h = Double(height) - top - bottom
        let high = max(bars.map(\.value).max()!, 0), low = min(bars.map(\.value).min()!, 0)
        let range = high > low ? high - low : 1
        func y(_ v: Double) -> Double { top + (high - v) / range * h }
        let slot = w / Double(bars.count), barWidth = max(1, min(slot * 0.8, 80))
        // Label every k-th bar so labels never overlap (about 7 px per character).
        let longest = Double(bars.map(\.label.count).max() ?? 1) * 7 + 6
        let every = max(1, Int((longest / slot).rounded(.up)))
        var svg = Markup.empty("line", [("x1", "\(Int(left))"), ("x2", "\(Int(left + w))"), ("y1", fmt(y(0))), ("y2", fmt(y(0))), ("stroke", "#999")])
        for (i, bar) in bars.enumerated() {
            let x = left + Double(i) * slot + (slot - barWidth) / 2
            let y0 = y(max(bar.value, 0)), y1 = y(min(bar.value, 0))
            svg += Markup.element("rect", [("x", fmt(x)), ("y", fmt(y0)), ("width", fmt(barWidth)), ("height", fmt(max(y1 - y0, 0.5))),
                                           ("fill", bar.negative ? "#d9534f" : "#4a9a5b")], markup: Markup.element("title", text: "\(bar.label): \(bar.text)"))
            if !bar.text.isEmpty && bars.count <= 40 {
                svg += Markup.element("text", [("x", fmt(x + barWidth / 2)), ("y", fmt(bar.value < 0 ? y1 + 11 : y0 - 3)), ("font-size", "10"),
                                               ("text-anchor", "middle")], text: bar.text)
            }
            if i % every == 0 {
                svg += Markup.element("text", [("x", fmt(x + barWidth / 2)), ("y", "\(height - 18)"), ("font-size", "10"), ("text-anchor", "middle")],
                                      text: bar.label)
            }
        }
        return Markup.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", "\(width)"), ("height", "\(height)"),
                                      ("viewBox", "0 0 \(width) \(height)"), ("role", "img"), ("aria-label", title)], markup: svg)
    }

    private func fmt(_ v: Double) -> String { FixedDecimal.string(v, decimals: 1) }
}
