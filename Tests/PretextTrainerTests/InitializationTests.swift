import PretextCore
import Testing

@testable import PretextTrainer

/// The normal generator's statistics and determinism, and the BERT and GPT-2 rules.
@Suite struct InitializationTests {
    /// Mean and standard deviation of `values`.
    private func statistics(_ values: [Double]) -> (mean: Double, deviation: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }

    @Test(arguments: [0, 1, 0xDEAD_BEEF] as [UInt64])
    func normalDrawsHaveMeanZeroAndDeviationOne(seed: UInt64) {
        var random = NormalRandom(seed: seed)
        let draws = (0..<100_000).map { _ in random.next() }
        let (mean, deviation) = statistics(draws)
        // The mean of 100k standard normals has standard error 0.0032.
        #expect(abs(mean) < 0.015)
        #expect(abs(deviation - 1) < 0.01)
        // About 68.3 % within one standard deviation, 95.4 % within two.
        let withinOne = Double(draws.filter { abs($0) < 1 }.count) / 100_000
        let withinTwo = Double(draws.filter { abs($0) < 2 }.count) / 100_000
        #expect(abs(withinOne - 0.6827) < 0.006)
        #expect(abs(withinTwo - 0.9545) < 0.004)
    }

    @Test func aSeedAndNameGiveTheSameStreamEveryTime() {
        var first = NormalRandom(seed: 7, stream: "a.weight")
        var second = NormalRandom(seed: 7, stream: "a.weight")
        var other = NormalRandom(seed: 7, stream: "b.weight")
        let a = (0..<9).map { _ in first.next() }
        #expect(a == (0..<9).map { _ in second.next() })
        #expect(a != (0..<9).map { _ in other.next() })
        #expect(NormalRandom.streamSeed(7, "a.weight") != NormalRandom.streamSeed(8, "a.weight"))
    }

    /// The stream seed and first pair are pinned (values from an independent Python version of
    /// FNV-1a, SplitMix64 and Box–Muller): a change would silently change every initialized model.
    @Test func theStreamIsPinned() {
        #expect(NormalRandom.streamSeed(7, "a.weight") == 0x53D3_0CF3_ECA7_BBAD)
        var random = NormalRandom(seed: 7, stream: "a.weight")
        #expect(abs(random.next() - 0.657_092_954_501_451_2) < 1e-14)
        #expect(abs(random.next() - 1.459_071_656_795_581_3) < 1e-14)
    }

    @Test func weightsHaveTheInitializerRange() throws {
        let weight = Parameter(name: "bert.encoder.layer.0.intermediate.dense.weight", shape: [400, 250], decays: true)
        try WeightInitialization.bert(seed: 3, padTokenID: 0).initialize([weight])
        let (mean, deviation) = statistics(weight.value.map(Double.init))
        #expect(abs(mean) < 0.0003)
        #expect(abs(deviation - 0.02) < 0.0002)
    }

    @Test func addingAParameterDoesNotChangeTheOthers() throws {
        let initialization = WeightInitialization(seed: 5)
        let alone = Parameter(name: "x.weight", shape: [4, 4], decays: true)
        try initialization.initialize([alone])
        let first = Parameter(name: "a.weight", shape: [3], decays: true)
        let withOthers = Parameter(name: "x.weight", shape: [4, 4], decays: true)
        try initialization.initialize([first, withOthers])
        #expect(withOthers.value == alone.value)
        #expect(first.value != Array(alone.value[..<3]))
        let again = Parameter(name: "x.weight", shape: [4, 4], decays: true)
        try WeightInitialization(seed: 6).initialize([again])
        #expect(again.value != alone.value)
    }

    @Test func bertRulesFollowTheNames() {
        let bert = WeightInitialization.bert(seed: 1, padTokenID: 0)
        #expect(bert.rule(for: "bert.embeddings.LayerNorm.weight") == .ones)
        #expect(bert.rule(for: "bert.embeddings.LayerNorm.bias") == .zeros)
        #expect(bert.rule(for: "bert.encoder.layer.3.output.LayerNorm.weight") == .ones)
        #expect(bert.rule(for: "bert.encoder.layer.3.attention.self.query.bias") == .zeros)
        #expect(bert.rule(for: "cls.predictions.bias") == .zeros)
        #expect(
            bert.rule(for: "bert.encoder.layer.3.attention.self.query.weight") == .normal(standardDeviation: 0.02))
        #expect(bert.rule(for: "bert.embeddings.position_embeddings.weight") == .normal(standardDeviation: 0.02))
        #expect(
            bert.rule(for: "bert.embeddings.word_embeddings.weight") == .normal(standardDeviation: 0.02, zeroRow: 0))
        #expect(
            WeightInitialization.bert(seed: 1, padTokenID: nil).rule(for: "bert.embeddings.word_embeddings.weight")
                == .normal(standardDeviation: 0.02))
    }

    @Test func gpt2ScalesTheResidualProjections() {
        let gpt2 = WeightInitialization.gpt2(seed: 1, layerCount: 8)
        let scaled = InitializationRule.normal(standardDeviation: 0.02 / 4)
        #expect(gpt2.rule(for: "transformer.h.0.attn.c_proj.weight") == scaled)
        #expect(gpt2.rule(for: "transformer.h.7.mlp.c_proj.weight") == scaled)
        #expect(gpt2.rule(for: "transformer.h.7.mlp.c_proj.bias") == .zeros)
        #expect(gpt2.rule(for: "transformer.h.0.attn.c_attn.weight") == .normal(standardDeviation: 0.02))
        #expect(gpt2.rule(for: "transformer.h.0.ln_1.weight") == .ones)
        #expect(gpt2.rule(for: "transformer.ln_f.bias") == .zeros)
        #expect(gpt2.rule(for: "transformer.wte.weight") == .normal(standardDeviation: 0.02))
    }

    @Test func thePaddingRowIsZeroAndTheOthersAreNot() throws {
        let embeddings = Parameter(name: "bert.embeddings.word_embeddings.weight", shape: [5, 3], decays: true)
        let norm = Parameter(name: "bert.embeddings.LayerNorm.weight", shape: [3], decays: false)
        try WeightInitialization.bert(seed: 2, padTokenID: 1).initialize([embeddings, norm])
        #expect(Array(embeddings.value[3..<6]) == [0, 0, 0])
        #expect(embeddings.value[0..<3].allSatisfy { $0 != 0 })
        #expect(embeddings.value[6...].allSatisfy { $0 != 0 })
        #expect(norm.value == [1, 1, 1])
    }

    @Test func aPadIdOutsideTheVocabularyIsRefused() {
        let embeddings = Parameter(name: "bert.embeddings.word_embeddings.weight", shape: [5, 3], decays: true)
        #expect(throws: PretextError.self) {
            try WeightInitialization.bert(seed: 2, padTokenID: 5).initialize([embeddings])
        }
    }
}
