import Testing

@testable import PretextTrainer

/// The contrastive model's hand-written backward pass (loss, normalization, pooling, encoder)
/// against finite differences of the whole loss, and its indifference to padding.
@Suite struct ContrastiveGradientTests {
    @Test(arguments: [false, true], ContrastivePooling.allCases)
    func everyParameterMatchesFiniteDifferences(negatives: Bool, pooling: ContrastivePooling) throws {
        let configuration = ContrastiveFixture.configuration(pooling: pooling)
        let model = try ContrastiveFixture.model(configuration)
        ContrastiveFixture.randomize(model, seed: 80)
        let inputs = try ContrastiveFixture.inputs(negatives: negatives, configuration: configuration)
        ContrastiveFixture.zeroGradients(model)
        _ = model.run(inputs, gradientScale: 1)
        let loss = { model.run(inputs, gradientScale: nil).mean("loss")! }
        var data = TestData(seed: 81)
        for parameter in model.parameters {
            let indices = BERTGradientTests.sampledIndices(
                parameter, count: 6, sequence: inputs.encoder.sequence, data: &data)
            let numeric = GradientCheck.numericGradient(
                count: indices.count, step: 1e-2, perturb: { parameter.value[indices[$0]] += $1 }, loss: loss)
            expectClose(
                indices.map { parameter.gradient[$0] }, numeric, absolute: 2e-3, relative: 2e-2,
                Comment(rawValue: parameter.name))
        }
    }

    @Test func thePoolerGetsNoGradient() throws {
        let model = try ContrastiveFixture.model()
        ContrastiveFixture.randomize(model, seed: 82)
        _ = model.run(try ContrastiveFixture.inputs(negatives: true), gradientScale: 1)
        #expect(model.pooler.allSatisfy { $0.gradient.allSatisfy { $0 == 0 } && !$0.decays })
    }

    @Test(arguments: [false, true], ContrastivePooling.allCases)
    func paddingChangesNeitherLossNorGradients(negatives: Bool, pooling: ContrastivePooling) throws {
        let configuration = ContrastiveFixture.configuration(pooling: pooling)
        let model = try ContrastiveFixture.model(configuration)
        ContrastiveFixture.randomize(model, seed: 83, scale: 0.3)
        var results: [(Metrics, [[Float]])] = []
        for sequence in [8, 13] {
            ContrastiveFixture.zeroGradients(model)
            let inputs = try ContrastiveFixture.inputs(
                negatives: negatives, sequence: sequence, configuration: configuration)
            let metrics = model.run(inputs, gradientScale: 1)
            results.append((metrics, model.parameters.map(\.gradient)))
        }
        for name in ["loss", "contrastive_loss", "retrieval_correct"] {
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

    @Test func gradientScaleScalesEveryGradient() throws {
        let model = try ContrastiveFixture.model()
        ContrastiveFixture.randomize(model, seed: 84)
        let inputs = try ContrastiveFixture.inputs(negatives: true)
        ContrastiveFixture.zeroGradients(model)
        let once = model.run(inputs, gradientScale: 1)
        let full = model.parameters.map(\.gradient)
        ContrastiveFixture.zeroGradients(model)
        let scaled = model.run(inputs, gradientScale: 0.25)
        #expect(once == scaled)
        for (parameter, gradient) in zip(model.parameters, full) {
            expectClose(parameter.gradient, gradient.map { $0 * 0.25 }, absolute: 1e-7, relative: 1e-5)
        }
    }
}
