import Foundation
import Testing

@testable import PretextTrainer

/// RoBERTa and ALBERT learn correctly: hand-written gradients against finite differences
/// (ALBERT's shared layer runs twice, so its gradients are the sum of both passes'), chance
/// loss untrained, a fixed batch overfitted, padding changing nothing.
@Suite struct EncoderVariantTrainingTests {
    /// The variants with the pair tasks they train on.
    static let cases: [(EncoderConfiguration.Variant, EncoderConfiguration.PairTask)] = [
        (.roberta, .none), (.albert, .sop), (.albert, .none),
    ]

    @Test(arguments: cases)
    func everyParameterMatchesFiniteDifferences(
        variant: EncoderConfiguration.Variant, pairTask: EncoderConfiguration.PairTask
    ) throws {
        let configuration = BERTFixture.configuration(variant, pairTask: pairTask)
        let model = try BERTFixture.model(configuration)
        BERTFixture.randomize(model, seed: 90)
        let batch = BERTFixture.batch(BERTFixture.examples(), pairLabels: pairTask != .none)
        let inputs = try EncoderInputs(batch, configuration: configuration)
        let targets = try PretrainingTargets(batch, inputs: inputs, configuration: configuration)
        BERTFixture.zeroGradients(model)
        _ = model.run(inputs, targets: targets, gradientScale: 1)
        let loss = { model.run(inputs, targets: targets, gradientScale: nil).mean("loss")! }
        var data = TestData(seed: 91)
        for parameter in model.parameters {
            // RoBERTa's positions run to pad + 1 + 7 = 8: the first 9 rows; sampling the first
            // `sequence + 1` rows covers them.
            let indices = BERTGradientTests.sampledIndices(
                parameter, count: 6, sequence: inputs.sequence + 1, data: &data)
            let numeric = GradientCheck.numericGradient(
                count: indices.count, step: 1e-2, perturb: { parameter.value[indices[$0]] += $1 }, loss: loss)
            expectClose(
                indices.map { parameter.gradient[$0] }, numeric, absolute: 2e-3, relative: 2e-2,
                Comment(rawValue: parameter.name))
        }
    }

    @Test(arguments: [EncoderConfiguration.Variant.roberta, .albert])
    func untrainedLossIsChance(variant: EncoderConfiguration.Variant) throws {
        let vocabulary = 1000
        let configuration = BERTFixture.configuration(variant, vocabulary: vocabulary)
        let model = try BERTFixture.model(configuration, seed: 11)
        let examples = BERTFixture.examples(lengths: [8, 8, 7, 6, 8, 5], vocabulary: vocabulary, seed: 12)
        let metrics = try model.evaluate(BERTFixture.batch(examples, pairLabels: configuration.pairTask != .none))
        let mlm = try #require(metrics.mean("mlm_loss"))
        #expect(abs(mlm - log(Double(vocabulary))) < 0.1, "MLM loss \(mlm)")
        if variant == .albert {
            let sop = try #require(metrics.mean("sop_loss"))
            #expect(abs(sop - log(2)) < 0.1, "SOP loss \(sop)")
        }
    }

    @Test(arguments: [EncoderConfiguration.Variant.roberta, .albert])
    func overfitsOneBatch(variant: EncoderConfiguration.Variant) throws {
        let configuration = BERTFixture.configuration(variant)
        let model = try BERTFixture.model(configuration, seed: 13)
        let batch = BERTFixture.batch(
            BERTFixture.examples(lengths: [8, 6, 7, 4], seed: 14), dynamicLabels: variant == .roberta,
            pairLabels: configuration.pairTask != .none)
        let (metrics, steps) = try BERTTrainingTests.overfit(model, on: batch, steps: 400, learningRate: 3e-3) {
            ($0.mean("mlm_loss") ?? .infinity) < 0.05 && ($0.mean("sop_correct") ?? 1) == 1
        }
        #expect(metrics.mean("mlm_loss")! < 0.05, "after \(steps) steps: \(metrics.means)")
        if variant == .albert { #expect(metrics.mean("sop_correct") == 1, "after \(steps) steps: \(metrics.means)") }
    }

    @Test(arguments: [EncoderConfiguration.Variant.roberta, .albert])
    func paddingChangesNeitherLossNorGradients(variant: EncoderConfiguration.Variant) throws {
        let configuration = BERTFixture.configuration(variant)
        let model = try BERTFixture.model(configuration)
        BERTFixture.randomize(model, seed: 93, scale: 0.3)
        let examples = BERTFixture.examples()
        var results: [(Metrics, [[Float]])] = []
        for sequence in [8, 13] {
            BERTFixture.zeroGradients(model)
            let batch = BERTFixture.batch(examples, sequence: sequence, pairLabels: configuration.pairTask != .none)
            let metrics = try model.trainStep(batch, gradientScale: 1)
            results.append((metrics, model.parameters.map(\.gradient)))
        }
        for name in results[0].0.entries.keys.sorted() where name.hasSuffix("loss") {
            expectClose(
                [Float(results[1].0.mean(name)!)], [Float(results[0].0.mean(name)!)], absolute: 1e-6,
                relative: 1e-5, Comment(rawValue: name))
        }
        for (index, parameter) in model.parameters.enumerated() {
            expectClose(
                results[1].1[index], results[0].1[index], absolute: 1e-6, relative: 1e-4,
                Comment(rawValue: parameter.name))
        }
    }
}
