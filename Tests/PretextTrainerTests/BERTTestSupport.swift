import PretextLoader

@testable import PretextTrainer

/// Tiny BERT configurations and hand-built batches for the BERT tests.
enum BERTFixture {
    /// The mask token's id in the fixtures (ids 0–4 play the special tokens).
    static let maskID: Int32 = 3

    /// Vocabulary 40, hidden 16, 2 layers of 2 heads, intermediate 32, 16 positions, pad 0.
    static func configuration(
        pairTask: EncoderConfiguration.PairTask = .nsp, vocabulary: Int = 40
    )
        -> EncoderConfiguration
    {
        EncoderConfiguration(
            vocabularySize: vocabulary, hiddenSize: 16, layers: 2, heads: 2, intermediateSize: 32, maxPositions: 16,
            padTokenID: 0, pairTask: pairTask)
    }

    /// The tiny configuration of `variant`: BERT's above; RoBERTa's with no pair task, one token
    /// type and 17 positions (16 after the pad offset 1); ALBERT's with embeddings of 8 < 16,
    /// `gelu_new`, and its 2 layers one shared layer run twice.
    static func configuration(
        _ variant: EncoderConfiguration.Variant, pairTask: EncoderConfiguration.PairTask = .sop, vocabulary: Int = 40
    ) -> EncoderConfiguration {
        switch variant {
        case .bert: return configuration(pairTask: pairTask, vocabulary: vocabulary)
        case .roberta:
            return EncoderConfiguration(
                vocabularySize: vocabulary, hiddenSize: 16, layers: 2, heads: 2, intermediateSize: 32,
                maxPositions: 17, padTokenID: 0, pairTask: .none, typeVocabularySize: 1, variant: .roberta)
        case .albert:
            return EncoderConfiguration(
                vocabularySize: vocabulary, hiddenSize: 16, layers: 2, heads: 2, intermediateSize: 32,
                maxPositions: 16, padTokenID: 0, pairTask: pairTask, activation: .tanh, variant: .albert,
                embeddingSize: 8)
        }
    }

    /// One example before padding: its tokens (masked ones replaced by the mask id), segments,
    /// the masked positions with their original ids, and the pair label.
    struct Example {
        var ids: [Int32]
        var segments: [Int32]
        var maskedPositions: [Int32]
        var maskedIDs: [Int32]
        var label: Int32
    }

    /// Examples of the given lengths: `[CLS]` (2) first, random ids from 5 up, segment 1 from
    /// the middle on, about a quarter of the other positions masked (at least one), labels
    /// alternating.
    static func examples(lengths: [Int] = [8, 5, 3], vocabulary: Int = 40, seed: UInt64 = 7) -> [Example] {
        var data = TestData(seed: seed)
        return lengths.enumerated().map { index, length in
            var ids: [Int32] = [2] + (1..<length).map { _ in Int32(5 + data.integer(below: vocabulary - 5)) }
            let segments = (0..<length).map { Int32($0 >= (length + 1) / 2 ? 1 : 0) }
            let candidates = Array(1..<length)
            let count = max(1, candidates.count / 4)
            var positions: [Int] = []
            while positions.count < count {
                let position = candidates[data.integer(below: candidates.count)]
                if !positions.contains(position) { positions.append(position) }
            }
            positions.sort()
            let originals = positions.map { ids[$0] }
            for position in positions { ids[position] = maskID }
            return Example(
                ids: ids, segments: segments, maskedPositions: positions.map(Int32.init), maskedIDs: originals,
                label: Int32(index % 2))
        }
    }

    /// A batch of `examples` as the loader assembles the `masked_lm` stage's records, padded to
    /// `sequence` positions (pad id 0) and `predictions` MLM slots; with `dynamicLabels`, a
    /// `labels` field `[rows, sequence]` replaces the three `masked_lm_*` fields.
    static func batch(
        _ examples: [Example], sequence: Int = 8, predictions: Int = 3, dynamicLabels: Bool = false,
        pairLabels: Bool = true
    ) -> Batch {
        let rows = examples.count
        func padded(_ values: [Int32], to width: Int) -> [Int32] {
            values + [Int32](repeating: 0, count: width - values.count)
        }
        var tensors: [String: Batch.Tensor] = [
            "input_ids": .init(shape: [rows, sequence], values: examples.flatMap { padded($0.ids, to: sequence) }),
            "segment_ids": .init(
                shape: [rows, sequence], values: examples.flatMap { padded($0.segments, to: sequence) }),
            "length": .init(shape: [rows, 1], values: examples.map { Int32($0.ids.count) }),
            Batch.attentionMaskName: .init(
                shape: [rows, sequence],
                values: examples.flatMap { padded([Int32](repeating: 1, count: $0.ids.count), to: sequence) }),
        ]
        var names = ["input_ids", "segment_ids", "length"]
        if dynamicLabels {
            tensors["labels"] = .init(shape: [rows, sequence], values: examples.flatMap { labels($0, sequence) })
            names.append("labels")
        } else {
            tensors["masked_lm_positions"] = .init(
                shape: [rows, predictions], values: examples.flatMap { padded($0.maskedPositions, to: predictions) })
            tensors["masked_lm_ids"] = .init(
                shape: [rows, predictions], values: examples.flatMap { padded($0.maskedIDs, to: predictions) })
            tensors["masked_lm_count"] = .init(
                shape: [rows, 1], values: examples.map { Int32($0.maskedPositions.count) })
            names += ["masked_lm_positions", "masked_lm_ids", "masked_lm_count"]
        }
        if pairLabels {
            tensors["label"] = .init(shape: [rows, 1], values: examples.map(\.label))
            names.append("label")
        }
        let keys = (0..<rows).map { ExampleKey(source: 0, epoch: 0, index: $0) }
        return Batch(names: names + [Batch.attentionMaskName], tensors: tensors, examples: keys)
    }

    /// An example's `labels` row: the original id at masked positions, −100 elsewhere.
    static func labels(_ example: Example, _ sequence: Int) -> [Int32] {
        var labels = [Int32](repeating: -100, count: sequence)
        for (position, id) in zip(example.maskedPositions, example.maskedIDs) { labels[Int(position)] = id }
        return labels
    }

    /// A model of `configuration` initialized from `seed`.
    static func model(
        _ configuration: EncoderConfiguration = configuration(), seed: UInt64 = 1
    ) throws
        -> BertForPreTraining
    {
        try BertForPreTraining(configuration: configuration, seed: seed)
    }

    /// Sets every parameter of `model` to uniform values in ±`scale` (LayerNorm weights
    /// 1 ± `scale`), so that every gradient is far from zero.
    static func randomize(_ model: BertForPreTraining, seed: UInt64, scale: Float = 0.5) {
        var data = TestData(seed: seed)
        for parameter in model.parameters {
            data.fill(parameter, scale: scale)
            if parameter.name.hasSuffix("LayerNorm.weight") || parameter.name.hasSuffix("layer_norm.weight") {
                parameter.value = parameter.value.map { 1 + $0 }
            }
        }
    }

    /// Sets every gradient of `model` to zero.
    static func zeroGradients(_ model: BertForPreTraining) {
        for parameter in model.parameters { parameter.zeroGradient() }
    }
}
