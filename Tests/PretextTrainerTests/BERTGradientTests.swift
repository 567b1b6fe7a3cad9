import Testing

@testable import PretextTrainer

/// The whole model's hand-written backward pass against finite differences, and its
/// indifference to padding.
@Suite struct BERTGradientTests {
    /// Up to `count` indices of `parameter` spread over it (the position table: its first
    /// `sequence` rows, the only ones used).
    static func sampledIndices(_ parameter: Parameter, count: Int, sequence: Int, data: inout TestData) -> [Int] {
        var limit = parameter.count
        if parameter.name.hasSuffix("position_embeddings.weight") { limit = sequence * parameter.shape[1] }
        return (0..<min(count, limit)).map { _ in data.integer(below: limit) }
    }

    @Test(arguments: EncoderConfiguration.PairTask.allCases)
    func everyParameterMatchesFiniteDifferences(pairTask: EncoderConfiguration.PairTask) throws {
        let configuration = BERTFixture.configuration(pairTask: pairTask)
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
            let indices = Self.sampledIndices(parameter, count: 6, sequence: inputs.sequence, data: &data)
            let numeric = GradientCheck.numericGradient(
                count: indices.count, step: 1e-2, perturb: { parameter.value[indices[$0]] += $1 }, loss: loss)
            expectClose(
                indices.map { parameter.gradient[$0] }, numeric, absolute: 2e-3, relative: 2e-2,
                Comment(rawValue: parameter.name))
        }
    }

    @Test func gradientScaleScalesEveryGradient() throws {
        let model = try BERTFixture.model()
        BERTFixture.randomize(model, seed: 92)
        let batch = BERTFixture.batch(BERTFixture.examples())
        BERTFixture.zeroGradients(model)
        let once = try model.trainStep(batch, gradientScale: 1)
        let full = model.parameters.map(\.gradient)
        BERTFixture.zeroGradients(model)
        let scaled = try model.trainStep(batch, gradientScale: 0.25)
        #expect(once == scaled)
        for (parameter, gradient) in zip(model.parameters, full) {
            expectClose(parameter.gradient, gradient.map { $0 * 0.25 }, absolute: 1e-7, relative: 1e-5)
        }
    }

    @Test(arguments: [false, true])
    func paddingChangesNeitherLossNorGradients(dynamicLabels: Bool) throws {
        let model = try BERTFixture.model()
        BERTFixture.randomize(model, seed: 93, scale: 0.3)
        let examples = BERTFixture.examples()
        var results: [(Metrics, [[Float]])] = []
        for sequence in [8, 13] {
            BERTFixture.zeroGradients(model)
            let batch = BERTFixture.batch(examples, sequence: sequence, dynamicLabels: dynamicLabels)
            let metrics = try model.trainStep(batch, gradientScale: 1)
            results.append((metrics, model.parameters.map(\.gradient)))
        }
        for name in ["loss", "mlm_loss", "nsp_loss"] {
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
