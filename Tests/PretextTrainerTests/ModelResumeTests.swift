import PretextCore
import PretextStore
import PretextTestSupport
import Testing
import _PretextFileSystem

@testable import PretextTrainer

/// Resuming a real model from a checkpoint gives the weights of the uninterrupted run, bit for
/// bit: BERT, RoBERTa and ALBERT on `mlm`-shaped records, GPT-2 on `causal_lm`-shaped blocks and
/// the contrastive encoder on `contrastive`-shaped pairs with hard negatives.
@Suite struct ModelResumeTests {
    /// 9 steps straight against 4, a checkpoint, a fresh model of another seed resumed from it,
    /// and 5 more.
    static func expectExactResume(
        examples: String, scratch: String, makeModel: (UInt64) throws -> any TrainableModel
    ) throws {
        let options = try StageOptions(
            specs: TrainingOptions.specs,
            given: [("steps", "9"), ("batch_size", "4"), ("warmup_steps", "2"), ("eval_every", "0")].map {
                ($0.0, RawOptionValue.scalar($0.1), nil)
            },
            context: "test")
        let straight = try makeModel(1)
        _ = try Trainer(model: straight, examples: examples, options: options, output: scratch + "/a").run()
        let first = try Trainer(model: try makeModel(1), examples: examples, options: options, output: scratch + "/b")
        for _ in 0..<4 { _ = try first.trainStep() }
        try first.saveCheckpoint(to: first.checkpointDirectory(step: 4))
        let resumed = try makeModel(2)
        let second = try Trainer(model: resumed, examples: examples, options: options, output: scratch + "/b")
        try second.resume(from: first.checkpointDirectory(step: 4))
        _ = try second.run()
        #expect(resumed.parameters.map(\.name) == straight.parameters.map(\.name))
        for (a, b) in zip(resumed.parameters, straight.parameters) {
            #expect(a.value.elementsEqual(b.value), "\(a.name)")
        }
        #expect(resumed.parameters.map(\.value) != (try makeModel(1)).parameters.map(\.value))
    }

    @Test func gpt2ResumesExactly() throws {
        let scratch = try TemporaryDirectory()
        let examples = scratch.path + "/blocks"
        let schema = try RecordSchema([
            .init("input_ids", .uint16, count: 12), .init("positions", .uint16, count: 12), .init("length", .uint16),
        ])
        try writeExamples(at: examples, schema: schema, count: 60) { index in
            let ids = (0..<12).map { (index * 7 + $0 * 3) % 30 }
            let positions = (0..<12).map { $0 < 5 ? $0 : $0 - 5 }  // a second document from position 5
            return littleEndian(ids) + littleEndian(positions) + littleEndian([12 - index % 3])
        }
        try Self.expectExactResume(examples: examples, scratch: scratch.path) { seed in
            try GPT2LMHeadModel(
                DecoderConfiguration(
                    vocabulary: 30, embedding: 16, layers: 2, heads: 2, positions: 12, bosTokenID: 0, eosTokenID: 0),
                seed: seed)
        }
    }

    /// 60 `mlm`-shaped records of 10 tokens (vocabulary 30, pad 0) with SOP-style labels.
    static func writeMaskedLMRecords(at examples: String) throws {
        let schema = try RecordSchema([
            .init("input_ids", .uint16, count: 10), .init("segment_ids", .uint8, count: 10),
            .init("length", .uint16), .init("masked_lm_positions", .uint16, count: 3),
            .init("masked_lm_ids", .uint16, count: 3), .init("masked_lm_count", .uint16), .init("label", .uint8),
        ])
        try writeExamples(at: examples, schema: schema, count: 60) { index in
            let ids = (0..<10).map { 1 + (index * 5 + $0 * 7) % 29 }
            let segments: [UInt8] = (0..<10).map { $0 < 5 ? 0 : 1 }
            return littleEndian(ids) + segments + littleEndian([10 - index % 4])
                + littleEndian([1, 3, 4]) + littleEndian([ids[1], ids[3], ids[4]])
                + littleEndian([2 + index % 2]) + [UInt8(index % 2)]
        }
    }

    @Test(arguments: EncoderConfiguration.Variant.allCases)
    func encoderResumesExactly(variant: EncoderConfiguration.Variant) throws {
        let scratch = try TemporaryDirectory()
        let examples = scratch.path + "/pairs"
        try Self.writeMaskedLMRecords(at: examples)
        try Self.expectExactResume(examples: examples, scratch: scratch.path) { seed in
            try BertForPreTraining(
                configuration: EncoderConfiguration(
                    vocabularySize: 30, hiddenSize: 16, layers: 2, heads: 2, intermediateSize: 32,
                    maxPositions: 10 + EncoderConfiguration.positionOffset(variant, padTokenID: 0), padTokenID: 0,
                    pairTask: variant == .roberta ? .none : .sop, typeVocabularySize: variant == .roberta ? 1 : 2,
                    variant: variant, embeddingSize: variant == .albert ? 8 : nil),
                seed: seed)
        }
    }

    /// 60 `contrastive`-shaped records (`max_length` 8, vocabulary 30, pad 0): an anchor, a
    /// positive and a hard negative of 3 to 8 tokens, each starting with id 2.
    static func writeContrastiveRecords(at examples: String) throws {
        let sides = ["anchor", "positive", "negative"]
        let schema = try RecordSchema(
            sides.flatMap { [.init($0 + "_ids", .uint16, count: 8), .init($0 + "_length", .uint16)] })
        try writeExamples(at: examples, schema: schema, count: 60) { index in
            sides.enumerated().flatMap { side, _ in
                let length = 3 + (index + side) % 6
                let ids = (0..<8).map { $0 == 0 ? 2 : $0 < length ? 5 + (index * 3 + side * 11 + $0 * 7) % 25 : 0 }
                return littleEndian(ids) + littleEndian([length])
            }
        }
    }

    @Test func contrastiveResumesExactly() throws {
        let scratch = try TemporaryDirectory()
        let examples = scratch.path + "/contrastive"
        try Self.writeContrastiveRecords(at: examples)
        try Self.expectExactResume(examples: examples, scratch: scratch.path) { seed in
            try ContrastiveEncoder(
                configuration: ContrastiveConfiguration(
                    encoder: EncoderConfiguration(
                        vocabularySize: 30, hiddenSize: 16, layers: 2, heads: 2, intermediateSize: 32, maxPositions: 8,
                        padTokenID: 0, pairTask: .none)),
                seed: seed)
        }
    }
}
