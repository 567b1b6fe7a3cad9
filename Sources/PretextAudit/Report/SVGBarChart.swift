import PretextCore

/// A horizontal bar chart as inline SVG: one labelled bar per value, optionally with an
/// interval whisker, bars extending left of a zero line for negative values.
struct SVGBarChart {
    /// One bar.
    struct Bar {
        var label: String
        var value: Double
        var interval: ClosedRange<Double>?
        var flagged = false
    }

    var bars: [Bar]
    var format: (Double) -> String = { String(format2: $0) }

    private let labelWidth = 220.0
    private let plotWidth = 420.0
    private let valueWidth = 90.0
    private let rowHeight = 18.0

    /// The chart's markup.
    func render(into html: inout HTMLWriter) {
        guard !bars.isEmpty else { return }
        let low = min(0, bars.map { $0.interval?.lowerBound ?? $0.value }.min() ?? 0)
        let high = max(0, bars.map { $0.interval?.upperBound ?? $0.value }.max() ?? 0)
        let span = high - low > 0 ? high - low : 1
        let x = { (value: Double) in labelWidth + (value - low) / span * plotWidth }
        let height = Double(bars.count) * rowHeight + 4
        let width = labelWidth + plotWidth + valueWidth
        html.element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("width", String(format2: width)),
                ("height", String(format2: height)), ("role", "img"),
            ]
        ) { svg in
            svg.raw(line(x1: x(0), y1: 0, x2: x(0), y2: height, style: "stroke:#888"))
            for (index, bar) in bars.enumerated() {
                let y = Double(index) * rowHeight + 2
                svg.element("text", [("x", "0"), ("y", String(format2: y + 12)), ("class", "label")], text: bar.label)
                let start = min(x(0), x(bar.value))
                svg.raw(
                    "<rect x=\"\(String(format2: start))\" y=\"\(String(format2: y + 2))\" width=\""
                        + "\(String(format2: abs(x(bar.value) - x(0))))\" height=\"\(String(format2: rowHeight - 6))\" "
                        + "class=\"\(bar.flagged ? "bar flag" : "bar")\"/>")
                if let interval = bar.interval {
                    let middle = y + rowHeight / 2
                    svg.raw(
                        line(
                            x1: x(interval.lowerBound), y1: middle, x2: x(interval.upperBound), y2: middle,
                            style: "stroke:#000"))
                }
                svg.element(
                    "text", [("x", String(format2: labelWidth + plotWidth + 6)), ("y", String(format2: y + 12))],
                    text: format(bar.value))
            }
        }
    }

    private func line(x1: Double, y1: Double, x2: Double, y2: Double, style: String) -> String {
        "<line x1=\"\(String(format2: x1))\" y1=\"\(String(format2: y1))\" x2=\"\(String(format2: x2))\" "
            + "y2=\"\(String(format2: y2))\" style=\"\(style)\"/>"
    }
}

extension String {
    /// A number with two decimals (`12.30`, `-0.05`), without Foundation formatting.
    init(format2 value: Double) {
        guard value.isFinite else {
            self = value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
            return
        }
        let scaled = (value * 100).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = magnitude % 100
        self = "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
