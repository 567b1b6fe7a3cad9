import Foundation
import PretextLoader
import Testing

@testable import PretextTrainer

/// The model learns: the untrained loss is chance, a fixed batch is overfitted, and the
/// MLM-only variant trains without pair labels.
@Suite struct BERTTrainingTests {
    /// Trains `model` on `batch` for up to `steps` AdamW steps at `learningRate`, stopping once
    /// `done` holds; returns the last metrics (measured before the last update) and the steps.
    static func overfit(
        _ model: BertForPreTraining, on batch: Batch, steps: Int, learningRate: Double,
        until done: (Metrics) -> Bool
    ) throws -> (metrics: Metrics, steps: Int) {
        var optimizer = try AdamW(parameters: model.parameters, configuration: AdamWConfiguration(weightDecay: 0))
        var metrics = Metrics()
        for step in 1...steps {
            BERTFixture.zeroGradients(model)
            metrics = try model.trainStep(batch, gradientScale: 1)
            if done(metrics) { return (metrics, step) }
            optimizer.update(learningRate: learningRate)
        }
        return (metrics, steps)
    }

    @Test(arguments: [40, 1000])
    func untrainedLossIsChance(vocabulary: Int) throws {
        let model = try BERTFixture.model(BERTFixture.configuration(vocabulary: vocabulary), seed: 11)
        let examples = BERTFixture.examples(lengths: [8, 8, 7, 6, 8, 5], vocabulary: vocabulary, seed: 12)
        let metrics = try model.evaluate(BERTFixture.batch(examples))
        let mlm = try #require(metrics.mean("mlm_loss"))
        let nsp = try #require(metrics.mean("nsp_loss"))
        #expect(abs(mlm - log(Double(vocabulary))) < 0.1, "MLM loss \(mlm)")
        #expect(abs(nsp - log(2)) < 0.1, "NSP loss \(nsp)")
        #expect(abs(metrics.mean("loss")! - (mlm + nsp)) < 1e-4)
    }

    @Test(arguments: [EncoderConfiguration.PairTask.nsp, .sop])
    func overfitsOneBatch(pairTask: EncoderConfiguration.PairTask) throws {
        let model = try BERTFixture.model(BERTFixture.configuration(pairTask: pairTask), seed: 13)
        let batch = BERTFixture.batch(BERTFixture.examples(lengths: [8, 6, 7, 4], seed: 14))
        let prefix = pairTask.rawValue
        let correct = prefix + "_correct"
        let (metrics, steps) = try Self.overfit(model, on: batch, steps: 300, learningRate: 3e-3) { metrics in
            let loss: Double = metrics.mean("mlm_loss") ?? .infinity
            let accuracy: Double = metrics.mean(correct) ?? 0
            return loss < 0.05 && accuracy == 1
        }
        #expect(metrics.mean("mlm_loss")! < 0.05, "after \(steps) steps: \(metrics.means)")
        #expect(metrics.mean(prefix + "_correct") == 1, "after \(steps) steps: \(metrics.means)")
    }

    @Test func maskedLMOnlyTrainsOnDynamicLabels() throws {
        let configuration = BERTFixture.configuration(pairTask: .none)
        let model = try BERTFixture.model(configuration, seed: 15)
        #expect(model.pooler == nil && model.pairHead == nil)
        let batch = BERTFixture.batch(
            BERTFixture.examples(lengths: [8, 6, 7], seed: 16), dynamicLabels: true, pairLabels: false)
        let first = try model.evaluate(batch)
        #expect(Set(first.entries.keys) == ["loss", "mlm_loss", "mlm_correct"])
        let (metrics, steps) = try Self.overfit(model, on: batch, steps: 300, learningRate: 3e-3) {
            $0.mean("mlm_loss")! < 0.05
        }
        #expect(metrics.mean("mlm_loss")! < 0.05, "after \(steps) steps: \(metrics.means)")
        #expect(metrics.mean("loss") == metrics.mean("mlm_loss"))
    }

    @Test func metricsCountTokensAndExamples() throws {
        let model = try BERTFixture.model()
        let examples = BERTFixture.examples()
        let metrics = try model.evaluate(BERTFixture.batch(examples))
        let masked = Double(examples.map(\.maskedIDs.count).reduce(0, +))
        #expect(metrics.entries["mlm_loss"]?.count == masked && metrics.entries["mlm_correct"]?.count == masked)
        #expect(metrics.entries["nsp_loss"]?.count == 3 && metrics.entries["nsp_correct"]?.count == 3)
        #expect(metrics.entries["loss"]?.count == 1)
    }
}
