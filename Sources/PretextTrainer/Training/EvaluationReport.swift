import Foundation

/// The figures an evaluation reports, derived from the metrics' sums: each loss's mean,
/// `…_accuracy` from each `…_correct`, and `…_perplexity` (e to the mean loss) for the
/// token-level language-model losses (`mlm`, `clm`); `contrastive_top1` from
/// `retrieval_correct` (the share of anchors whose own positive ranks first in the batch).
public struct EvaluationReport: Sendable {
    /// The figures, names sorted.
    public let values: [(name: String, value: Double)]

    /// The figures of `metrics`.
    public init(_ metrics: Metrics) {
        var values: [(String, Double)] = []
        for (name, value) in metrics.means {
            if name == "retrieval_correct" {
                values.append(("contrastive_top1", value))
            } else if name.hasSuffix("_correct") {
                values.append((String(name.dropLast("_correct".count)) + "_accuracy", value))
            } else {
                values.append((name, value))
            }
            if name == "mlm_loss" || name == "clm_loss" {
                values.append((String(name.dropLast("_loss".count)) + "_perplexity", exp(value)))
            }
        }
        self.values = values.sorted { $0.0 < $1.0 }
    }

    /// The figure named `name`.
    public subscript(name: String) -> Double? { values.first { $0.name == name }?.value }

    /// One line: `clm_accuracy 0.312  clm_loss 3.41  clm_perplexity 30.3`.
    public var line: String {
        values.map { "\($0.name) \(Self.format($0.value))" }.joined(separator: "  ")
    }

    static func format(_ value: Double) -> String {
        String(format: abs(value) >= 100 ? "%.1f" : "%.4f", value)
    }
}
