import PretextCore
import PretextStore
import PretextTestSupport
import PretextTokenizer
import Testing
import _PretextFileSystem

@testable import PretextTrainer

/// What `model` builds on `mlm` records — BERT, RoBERTa and ALBERT with the examples' pad id,
/// pair task and sizes — and on `contrastive` pairs, with the probe's framing.
@Suite struct ModelFactoryTests {
    /// `mlm` records (``ModelResumeTests/writeMaskedLMRecords(at:)``) recorded as SOP, with a
    /// WordPiece tokenizer of 30 tokens whose `[PAD]` is id 1.
    static func examples(in scratch: TemporaryDirectory) throws -> String {
        let path = scratch.path + "/pairs"
        try ModelResumeTests.writeMaskedLMRecords(at: path)
        try Dataset.open(at: path).openCatalog().setMeta(ExampleMetaKeys.pairTask, "sop")
        try writeTokenizer(at: path)
        return path
    }

    /// ``examples(in:)``'s tokenizer under `path/tokenizer/tokenizer.json`: WordPiece, 30 tokens,
    /// `[UNK] [PAD] [CLS] [SEP] [MASK]` ids 0 to 4.
    static func writeTokenizer(at path: String) throws {
        let specials = ["[UNK]", "[PAD]", "[CLS]", "[SEP]", "[MASK]"]
        let vocabulary = specials + (5..<30).map { "w\($0)" }
        let tokenizer = Tokenizer(
            model: .wordPiece(try WordPieceModel(vocabulary: vocabulary)), preTokenizer: .bert,
            addedTokens: specials.enumerated().map { AddedToken(id: UInt32($0.offset), content: $0.element) })
        try FileSystem.createDirectory(path + "/tokenizer")
        try TokenizerFile.write(tokenizer, to: path + "/tokenizer/tokenizer.json")
    }

    /// The model `options` build on the examples.
    static func build(_ options: [(String, String)], examples: String) throws -> ModelFactory.Built {
        let stageOptions = try StageOptions(
            specs: TrainingOptions.specs, given: options.map { ($0.0, RawOptionValue.scalar($0.1), nil) },
            context: "test")
        let configuration = TrainingConfiguration(stageOptions)
        try configuration.validate()
        return try ModelFactory.model(for: examples, configuration: configuration)
    }

    @Test func albertFactorizesAndSharesWithTheRecordedPairTask() throws {
        let scratch = try TemporaryDirectory()
        let examples = try Self.examples(in: scratch)
        let built = try Self.build([("model", "albert"), ("hidden", "32"), ("heads", "2")], examples: examples)
        let model = try #require(built.model as? BertForPreTraining)
        let configuration = model.configuration
        #expect(configuration.variant == .albert && configuration.pairTask == .sop)
        #expect(configuration.embeddingSize == 16, "0: hidden / 2 below 256")
        #expect(configuration.activation == .tanh && configuration.padTokenID == 1)
        #expect(configuration.maxPositions == 10)
        #expect(built.description.hasPrefix("albert (SOP, embedding 16, layers shared), 2 layers × 32"))
        let sized = try Self.build(
            [("model", "albert"), ("hidden", "32"), ("heads", "2"), ("embedding_size", "8")], examples: examples)
        #expect((sized.model as? BertForPreTraining)?.configuration.embeddingSize == 8)
        #expect(
            try TrainingConfiguration(StageOptions(specs: TrainingOptions.specs, given: [], context: "t"))
                .albertEmbeddingSize == 64)
    }

    @Test func robertaOffsetsItsPositionsByThePad() throws {
        let scratch = try TemporaryDirectory()
        let built = try Self.build([("model", "roberta")], examples: try Self.examples(in: scratch))
        let configuration = try #require((built.model as? BertForPreTraining)?.configuration)
        #expect(configuration.variant == .roberta && configuration.pairTask == .none)
        #expect(configuration.maxPositions == 10 + 1 + 1 && configuration.typeVocabularySize == 1)
        #expect(configuration.architecture == "RobertaForMaskedLM")
    }

    @Test func embeddingSizeIsRefusedOutsideAlbert() throws {
        let scratch = try TemporaryDirectory()
        let error = try #require(throws: PretextError.self) {
            _ = try Self.build([("model", "bert"), ("embedding_size", "8")], examples: try Self.examples(in: scratch))
        }
        #expect(error.message.contains("embedding_size"))
    }

    @Test func contrastiveFramesTheProbeAsItsPairs() throws {
        let scratch = try TemporaryDirectory()
        let examples = scratch.path + "/contrastive"
        try ModelResumeTests.writeContrastiveRecords(at: examples)
        try Self.writeTokenizer(at: examples)
        let built = try Self.build([("hidden", "32"), ("heads", "2"), ("pooling", "first")], examples: examples)
        let model = try #require(built.model as? ContrastiveEncoder)
        #expect(model.configuration.pooling == .first && model.configuration.encoder.padTokenID == 1)
        #expect(model.configuration.encoder.maxPositions == 8)
        #expect(built.probeFraming == ProbeFraming(prefix: [2], suffix: [3], maxLength: 8, padID: 1))
        #expect(built.description.hasPrefix("contrastive (first pooling, temperature 0.05), 2 layers × 32"))
        let framed = [[7, 8, 9], Array(10..<20)].map(built.probeFraming.frame)
        #expect(framed[1] == [2] + Array(10..<16) + [3])
        let embeddings = try model.embed(built.probeFraming.batch(framed))
        #expect(embeddings.rows == 2 && embeddings.columns == 32)
    }
}
