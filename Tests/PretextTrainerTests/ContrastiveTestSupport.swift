import PretextLoader

@testable import PretextTrainer

/// Tiny contrastive configurations, texts and batches for the contrastive tests.
enum ContrastiveFixture {
    /// BERTFixture's encoder sizes (vocabulary 40, hidden 16, 2 layers, 16 positions, pad 0).
    static func configuration(
        pooling: ContrastivePooling = .mean, temperature: Double = 0.1
    ) -> ContrastiveConfiguration {
        ContrastiveConfiguration(
            encoder: BERTFixture.configuration(pairTask: .none), pooling: pooling, temperature: temperature)
    }

    /// The texts of one side: `[CLS]` (2), random ids from 5 up, `[SEP]` (3), of the given lengths.
    static func texts(_ lengths: [Int], seed: UInt64) -> [[Int32]] {
        var data = TestData(seed: seed)
        return lengths.map { length in
            [2] + (0..<(length - 2)).map { _ in Int32(5 + data.integer(below: 35)) } + [3]
        }
    }

    /// Three anchors, positives and (optionally) negatives of different lengths.
    static func sides(seed: UInt64 = 11) -> (anchors: [[Int32]], positives: [[Int32]], negatives: [[Int32]]) {
        (
            texts([6, 4, 8], seed: seed), texts([5, 7, 3], seed: seed + 1), texts([4, 8, 6], seed: seed + 2)
        )
    }

    /// The inputs of `sides` (hard negatives when `negatives`), padded to `sequence`.
    static func inputs(
        negatives: Bool, sequence: Int? = nil, configuration: ContrastiveConfiguration = configuration(),
        seed: UInt64 = 11
    ) throws -> ContrastiveInputs {
        let sides = sides(seed: seed)
        return try ContrastiveInputs(
            anchors: sides.anchors, positives: sides.positives, negatives: negatives ? sides.negatives : nil,
            sequence: sequence, configuration: configuration.encoder)
    }

    /// A loader batch of `contrastive` records holding `sides`, each text padded to `width`.
    static func batch(
        anchors: [[Int32]], positives: [[Int32]], negatives: [[Int32]]? = nil, width: Int = 10
    ) -> Batch {
        var names: [String] = []
        var tensors: [String: Batch.Tensor] = [:]
        let sides = [("anchor", anchors), ("positive", positives)] + (negatives.map { [("negative", $0)] } ?? [])
        for (side, texts) in sides {
            names += [side + "_ids", side + "_length"]
            tensors[side + "_ids"] = .init(
                shape: [texts.count, width],
                values: texts.flatMap { $0 + [Int32](repeating: 0, count: width - $0.count) })
            tensors[side + "_length"] = .init(shape: [texts.count, 1], values: texts.map { Int32($0.count) })
        }
        let keys = (0..<anchors.count).map { ExampleKey(source: 0, epoch: 0, index: $0) }
        return Batch(names: names, tensors: tensors, examples: keys)
    }

    /// A model of `configuration` initialized from `seed`.
    static func model(
        _ configuration: ContrastiveConfiguration = configuration(), seed: UInt64 = 1
    ) throws
        -> ContrastiveEncoder
    {
        try ContrastiveEncoder(configuration: configuration, seed: seed)
    }

    /// Sets every parameter to uniform values in ±`scale` (LayerNorm weights 1 ± `scale`).
    static func randomize(_ model: ContrastiveEncoder, seed: UInt64, scale: Float = 0.5) {
        var data = TestData(seed: seed)
        for parameter in model.parameters {
            data.fill(parameter, scale: scale)
            if parameter.name.hasSuffix("LayerNorm.weight") { parameter.value = parameter.value.map { 1 + $0 } }
        }
    }

    /// Sets every gradient of `model` to zero.
    static func zeroGradients(_ model: ContrastiveEncoder) {
        for parameter in model.parameters { parameter.zeroGradient() }
    }
}
