import Foundation
import PretextCore

/// A line chart as inline SVG: one or more series of (x, y) points over shared axes, the
/// axes labelled at their ends and middle, a legend when there is more than one series.
struct SVGLineChart {
    /// One line.
    struct Series {
        var name: String
        var points: [(x: Double, y: Double)]
        var color: String
    }

    var title: String
    var series: [Series]
    var xLabel = "step"

    private let width = 640.0
    private let height = 220.0
    private let left = 64.0
    private let right = 16.0
    private let top = 28.0
    private let bottom = 32.0

    /// The chart's markup (nothing when no series has a point).
    func render(into html: inout HTMLWriter) {
        let points = series.flatMap(\.points).filter { $0.y.isFinite }
        guard let xs = range(points.map(\.x)), let ys = range(points.map(\.y)) else { return }
        let x = { (value: Double) in left + (value - xs.lowerBound) / span(xs) * (width - left - right) }
        let y = { (value: Double) in height - bottom - (value - ys.lowerBound) / span(ys) * (height - top - bottom) }
        html.element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("width", format(width)), ("height", format(height)),
                ("role", "img"), ("aria-label", title),
            ]
        ) { svg in
            svg.element("text", [("x", format(left)), ("y", "16"), ("class", "title")], text: title)
            axes(into: &svg, xs: xs, ys: ys, x: x, y: y)
            for line in series {
                let finite = line.points.filter { $0.y.isFinite }
                let coordinates = finite.map { "\(format(x($0.x))),\(format(y($0.y)))" }.joined(separator: " ")
                if finite.count == 1, let only = finite.first {
                    svg.raw(
                        "<circle cx=\"\(format(x(only.x)))\" cy=\"\(format(y(only.y)))\" r=\"3\" "
                            + "fill=\"\(line.color)\"/>")
                } else {
                    svg.raw(
                        "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(line.color)\" "
                            + "stroke-width=\"1.5\"/>")
                }
            }
            legend(into: &svg)
        }
    }

    private func axes(
        into svg: inout HTMLWriter, xs: ClosedRange<Double>, ys: ClosedRange<Double>, x: (Double) -> Double,
        y: (Double) -> Double
    ) {
        let baseline = height - bottom
        svg.raw(line(left, baseline, width - right, baseline))
        svg.raw(line(left, top, left, baseline))
        for value in [ys.lowerBound, (ys.lowerBound + ys.upperBound) / 2, ys.upperBound] {
            svg.raw(line(left - 4, y(value), left, y(value)))
            svg.element(
                "text",
                [("x", format(left - 6)), ("y", format(y(value) + 4)), ("class", "tick"), ("text-anchor", "end")],
                text: Self.label(value))
        }
        for value in [xs.lowerBound, xs.upperBound] {
            svg.element(
                "text",
                [("x", format(x(value))), ("y", format(baseline + 14)), ("class", "tick"), ("text-anchor", "middle")],
                text: Self.label(value))
        }
        svg.element(
            "text", [("x", format((left + width - right) / 2)), ("y", format(height - 4)), ("class", "tick")],
            text: xLabel)
    }

    private func legend(into svg: inout HTMLWriter) {
        guard series.count > 1 else { return }
        var position = width - right - 150 * Double(series.count)
        for line in series {
            svg.raw("<rect x=\"\(format(position))\" y=\"8\" width=\"10\" height=\"10\" fill=\"\(line.color)\"/>")
            svg.element("text", [("x", format(position + 14)), ("y", "17"), ("class", "tick")], text: line.name)
            position += 150
        }
    }

    private func range(_ values: [Double]) -> ClosedRange<Double>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }

    private func span(_ range: ClosedRange<Double>) -> Double {
        range.upperBound > range.lowerBound ? range.upperBound - range.lowerBound : 1
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
        "<line x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\" stroke=\"#888\"/>"
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A tick label: integers as they are, small or large numbers in exponent form.
    static func label(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(value)) }
        if abs(value) >= 1e4 || abs(value) < 1e-3 { return String(format: "%.2e", value) }
        return String(format: "%.4g", value)
    }
}
