import Testing

@testable import PretextTrainer

/// Training the tiny GPT-2: it memorizes one batch.
@Suite struct GPT2TrainingTests {
    @Test func itOverfitsOneBatch() throws {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration(), seed: 11)
        var optimizer = try AdamW(parameters: model.parameters, configuration: AdamWConfiguration(weightDecay: 0))
        let batch = GPT2Fixtures.standardBatch
        var losses = [Double]()
        for _ in 0..<300 {
            for parameter in model.parameters { parameter.zeroGradient() }
            losses.append(try model.trainStep(batch, gradientScale: 1).mean("loss")!)
            if losses.last! < 0.05 { break }
            optimizer.update(learningRate: 1e-2)
        }
        #expect(losses.last! < 0.05, "loss \(losses.first!) → \(losses.last!) after \(losses.count) steps")
        let metrics = try model.evaluate(batch)
        #expect(metrics.mean("clm_correct") == 1)
    }
}
