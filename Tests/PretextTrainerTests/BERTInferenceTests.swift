import Testing

@testable import PretextTrainer

/// Logits and pooled embeddings without targets, and independence from the thread count.
@Suite struct BERTInferenceTests {
    @Test func embeddingsAreMeansOverRealTokensWhateverThePadding() throws {
        let configuration = BERTFixture.configuration()
        let model = try BERTFixture.model(configuration)
        BERTFixture.randomize(model, seed: 41, scale: 0.3)
        let examples = BERTFixture.examples()
        let narrow = try EncoderInputs(BERTFixture.batch(examples), configuration: configuration)
        let embedded = model.embed(narrow)
        #expect(embedded.rows == 3 && embedded.columns == 16)
        let hidden = model.encoder.forward(narrow).output
        for (example, data) in examples.enumerated() {
            let rows = (0..<data.ids.count).map { example * 8 + $0 }
            let mean = (0..<16).map { column in
                rows.map { hidden[$0, column] }.reduce(0, +) / Float(rows.count)
            }
            expectClose(Array(embedded.values[(example * 16)..<((example + 1) * 16)]), mean, absolute: 1e-5)
        }
        let wide = try model.embed(BERTFixture.batch(examples, sequence: 12))
        expectClose(wide.values, embedded.values, absolute: 1e-5)
    }

    @Test func logitsAtRealPositionsIgnoreThePadding() throws {
        let model = try BERTFixture.model()
        BERTFixture.randomize(model, seed: 42, scale: 0.3)
        let examples = BERTFixture.examples()
        let narrow = try model.logits(BERTFixture.batch(examples))
        let wide = try model.logits(BERTFixture.batch(examples, sequence: 11))
        for (example, data) in examples.enumerated() {
            for position in 0..<data.ids.count {
                let (a, b) = ((example * 8 + position) * 40, (example * 11 + position) * 40)
                expectClose(Array(wide.maskedLM.values[b..<(b + 40)]), Array(narrow.maskedLM.values[a..<(a + 40)]))
            }
        }
        expectClose(try #require(wide.pair).values, try #require(narrow.pair).values)
    }

    @Test func aTrainStepDoesNotDependOnTheThreadCount() throws {
        let model = try BERTFixture.model()
        BERTFixture.randomize(model, seed: 43, scale: 0.3)
        let batch = BERTFixture.batch(BERTFixture.examples())
        let (one, two) = ThreadCounts.compare { () -> (Metrics, [[Float]]) in
            BERTFixture.zeroGradients(model)
            let metrics = (try? model.trainStep(batch, gradientScale: 1)) ?? Metrics()
            return (metrics, model.parameters.map(\.gradient))
        }
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
    }
}
