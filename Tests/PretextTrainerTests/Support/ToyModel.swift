import Foundation
import PretextCore
import PretextLoader

@testable import PretextTrainer

/// A model small enough to check the trainer's mechanics: logistic regression of an example's
/// `label` (0 or 1) on the sum of one weight row per real token, `W[id] · 1 + b`.
final class ToyModel: TrainableModel {
    let weights: Parameter
    let bias: Parameter
    let vocabulary: Int

    init(vocabulary: Int, seed: UInt64) {
        self.vocabulary = vocabulary
        var random = TestData(seed: seed)
        weights = Parameter(
            name: "toy.weight", shape: [vocabulary, 2], value: random.values(vocabulary * 2, scale: 0.02), decays: true)
        bias = Parameter(name: "toy.bias", shape: [2], decays: false)
    }

    var parameters: [Parameter] { [weights, bias] }

    var configurationFile: any ModelConfigurationFile { ToyConfiguration(vocabulary: vocabulary) }

    func trainStep(_ batch: Batch, gradientScale: Float) throws -> Metrics {
        try pass(batch, gradientScale: gradientScale)
    }

    func evaluate(_ batch: Batch) throws -> Metrics {
        try pass(batch, gradientScale: nil)
    }

    func embed(_ batch: Batch) throws -> Matrix {
        Matrix(rows: batch.size, columns: 2, values: try logits(batch).flatMap { $0 })
    }

    private func logits(_ batch: Batch) throws -> [[Float]] {
        let ids = try require(batch["input_ids"])
        let lengths = try require(batch["length"])
        let width = ids.shape[1]
        return (0..<batch.size).map { row in
            var output = bias.value
            for position in 0..<Int(lengths.values[row]) {
                let id = Int(ids.values[row * width + position])
                output[0] += weights.value[id * 2]
                output[1] += weights.value[id * 2 + 1]
            }
            return output
        }
    }

    /// The mean cross-entropy of the batch, its gradient added (× `gradientScale`) when given.
    private func pass(_ batch: Batch, gradientScale: Float?) throws -> Metrics {
        let ids = try require(batch["input_ids"])
        let lengths = try require(batch["length"])
        let labels = try require(batch["label"])
        let width = ids.shape[1]
        var metrics = Metrics()
        var total = 0.0
        for (row, output) in try logits(batch).enumerated() {
            let label = Int(labels.values[row])
            let top = max(output[0], output[1])
            let exps = output.map { exp(Double($0 - top)) }
            let probabilities = exps.map { $0 / (exps[0] + exps[1]) }
            total -= log(probabilities[label])
            metrics.add("toy_correct", sum: (output[label] >= output[1 - label]) ? 1 : 0, count: 1)
            guard let gradientScale else { continue }
            for column in 0..<2 {
                let gradient =
                    Float(probabilities[column] - (column == label ? 1 : 0)) * gradientScale / Float(batch.size)
                bias.gradient[column] += gradient
                for position in 0..<Int(lengths.values[row]) {
                    weights.gradient[Int(ids.values[row * width + position]) * 2 + column] += gradient
                }
            }
        }
        metrics.add("toy_loss", sum: total, count: Double(batch.size))
        metrics.add("loss", sum: total / Double(batch.size), count: 1)
        return metrics
    }
}

/// The toy model's `config.json`.
struct ToyConfiguration: ModelConfigurationFile {
    var vocabulary: Int

    func validate() throws {}
}

/// A `#require` for plain functions: the value, or a thrown error naming the missing field.
func require<T>(_ value: T?, _ name: String = "field") throws -> T {
    guard let value else { throw PretextError(.invalidConfiguration, "the batch has no \(name)") }
    return value
}
