import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// RoBERTa's and ALBERT's Hugging Face names, shapes, `config.json`, initialization and
/// safetensors round trip.
@Suite struct EncoderVariantCheckpointTests {
    /// transformers 4.57's `AlbertForPreTraining(AlbertConfig(vocab_size=40, embedding_size=8,
    /// hidden_size=16, num_hidden_layers=2, num_attention_heads=2, intermediate_size=32,
    /// max_position_embeddings=16)).state_dict()`, without the tied
    /// `predictions.decoder.{weight,bias}` (`_tied_weights_keys`).
    static let albert: [(String, [Int])] = albertEmbeddings + albertLayer + albertHeads

    /// The embeddings and the E → H mapping.
    static let albertEmbeddings: [(String, [Int])] = [
        ("albert.embeddings.word_embeddings.weight", [40, 8]),
        ("albert.embeddings.position_embeddings.weight", [16, 8]),
        ("albert.embeddings.token_type_embeddings.weight", [2, 8]),
        ("albert.embeddings.LayerNorm.weight", [8]), ("albert.embeddings.LayerNorm.bias", [8]),
        ("albert.encoder.embedding_hidden_mapping_in.weight", [16, 8]),
        ("albert.encoder.embedding_hidden_mapping_in.bias", [16]),
    ]

    /// The one shared layer.
    static let albertLayer: [(String, [Int])] = {
        let parts: [(String, [Int])] = [
            ("full_layer_layer_norm.weight", [16]), ("full_layer_layer_norm.bias", [16]),
            ("attention.query.weight", [16, 16]), ("attention.query.bias", [16]),
            ("attention.key.weight", [16, 16]), ("attention.key.bias", [16]),
            ("attention.value.weight", [16, 16]), ("attention.value.bias", [16]),
            ("attention.dense.weight", [16, 16]), ("attention.dense.bias", [16]),
            ("attention.LayerNorm.weight", [16]), ("attention.LayerNorm.bias", [16]),
            ("ffn.weight", [32, 16]), ("ffn.bias", [32]), ("ffn_output.weight", [16, 32]), ("ffn_output.bias", [16]),
        ]
        return parts.map { ("albert.encoder.albert_layer_groups.0.albert_layers.0." + $0.0, $0.1) }
    }()

    /// The pooler and the two heads.
    static let albertHeads: [(String, [Int])] = [
        ("albert.pooler.weight", [16, 16]), ("albert.pooler.bias", [16]), ("predictions.bias", [40]),
        ("predictions.LayerNorm.weight", [8]), ("predictions.LayerNorm.bias", [8]),
        ("predictions.dense.weight", [8, 16]), ("predictions.dense.bias", [8]),
        ("sop_classifier.classifier.weight", [2, 16]), ("sop_classifier.classifier.bias", [2]),
    ]

    /// transformers 4.57's `RobertaForMaskedLM(RobertaConfig(vocab_size=40, hidden_size=16,
    /// num_hidden_layers=2, num_attention_heads=2, intermediate_size=32,
    /// max_position_embeddings=17, pad_token_id=0, type_vocab_size=1)).state_dict()`, without
    /// the tied `lm_head.decoder.{weight,bias}`: no pooler (`add_pooling_layer=False`).
    static let roberta: [(String, [Int])] = {
        let embeddings: [(String, [Int])] = [
            ("roberta.embeddings.word_embeddings.weight", [40, 16]),
            ("roberta.embeddings.position_embeddings.weight", [17, 16]),
            ("roberta.embeddings.token_type_embeddings.weight", [1, 16]),
            ("roberta.embeddings.LayerNorm.weight", [16]), ("roberta.embeddings.LayerNorm.bias", [16]),
        ]
        let layers: [(String, [Int])] = (0..<2).flatMap { n in
            BERTCheckpointTests.layer(n).map { ("roberta." + $0.0.dropFirst("bert.".count), $0.1) }
        }
        let head: [(String, [Int])] = [
            ("lm_head.bias", [40]), ("lm_head.dense.weight", [16, 16]), ("lm_head.dense.bias", [16]),
            ("lm_head.layer_norm.weight", [16]), ("lm_head.layer_norm.bias", [16]),
        ]
        return embeddings + layers + head
    }()

    /// Names and shapes as a dictionary, so that the comparison ignores order but not count.
    static func byName(_ list: [(String, [Int])]) -> [String: [Int]] {
        Dictionary(list, uniquingKeysWith: { first, _ in first })
    }

    @Test func albertNamesAndShapesAreTransformers() throws {
        let model = try BERTFixture.model(BERTFixture.configuration(.albert))
        #expect(model.parameters.count == Self.albert.count)
        #expect(Self.byName(model.parameters.map { ($0.name, $0.shape) }) == Self.byName(Self.albert))
        #expect(model.configuration.architecture == "AlbertForPreTraining")
    }

    @Test func robertaNamesAndShapesAreTransformers() throws {
        let model = try BERTFixture.model(BERTFixture.configuration(.roberta))
        #expect(model.parameters.map(\.name) == Self.roberta.map(\.0))
        #expect(model.parameters.map(\.shape) == Self.roberta.map(\.1))
        #expect(model.configuration.architecture == "RobertaForMaskedLM")
    }

    @Test func albertSharesOneLayerAndTiesTheDecoder() throws {
        let model = try BERTFixture.model(BERTFixture.configuration(.albert))
        #expect(model.encoder.layers.count == 2 && model.encoder.layers[0] === model.encoder.layers[1])
        #expect(model.maskedLM.decoder.weight === model.encoder.embeddings.word.weight)
        #expect(Set(model.parameters.map { ObjectIdentifier($0) }).count == model.parameters.count)
        let maskedLM = try BERTFixture.model(BERTFixture.configuration(.albert, pairTask: .none))
        #expect(maskedLM.configuration.architecture == "AlbertForMaskedLM")
        #expect(maskedLM.parameters.count == Self.albert.count - 4, "no pooler, no sop_classifier")
    }

    @Test func initializationIsHuggingFaces() throws {
        let albert = try BERTFixture.model(BERTFixture.configuration(.albert))
        let shared = albert.encoder.layers[0]
        #expect(shared.outputNorm.weight.value.allSatisfy { $0 == 1 }, "full_layer_layer_norm is a LayerNorm")
        #expect(shared.outputNorm.bias.value.allSatisfy { $0 == 0 })
        #expect(albert.encoder.embeddings.word.weight.value[0..<8].allSatisfy { $0 == 0 }, "the pad row")
        #expect(albert.encoder.embeddingProjection?.weight.value.contains { $0 != 0 } == true)
        let roberta = try BERTFixture.model(BERTFixture.configuration(.roberta))
        let positions = roberta.encoder.embeddings.position.weight.value
        #expect(positions[0..<16].allSatisfy { $0 == 0 }, "RoBERTa's position table has padding_idx too")
        #expect(positions[16..<32].contains { $0 != 0 })
    }

    @Test func robertaPositionsFollowTransformers() throws {
        let configuration = BERTFixture.configuration(.roberta)
        let inputs = try EncoderInputs(
            ids: [2, 7, 9, 0, 0, 2, 0, 5, 6, 8], batch: 2, sequence: 5, padding: .lengths([3, 5]),
            configuration: configuration)
        // create_position_ids_from_input_ids: pad + rank among the non-pad ids; pad ids get pad.
        #expect(inputs.positions(for: configuration) == [1, 2, 3, 0, 0, 1, 0, 2, 3, 4])
        #expect(inputs.positions(for: BERTFixture.configuration(.albert)) == inputs.positions)
        #expect(throws: PretextError.self) {
            _ = try EncoderInputs(
                ids: .init(repeating: 5, count: 17), batch: 1, sequence: 17, configuration: configuration)
        }
    }

    @Test func configurationFilesSayWhatWasTrained() throws {
        let albert = BERTFixture.configuration(.albert).albertConfiguration
        #expect(albert.modelType == "albert" && albert.architectures == ["AlbertForPreTraining"])
        #expect(albert.embeddingSize == 8 && albert.numHiddenGroups == 1 && albert.innerGroupNum == 1)
        #expect(albert.hiddenAct == "gelu_new" && albert.classifierDropoutProb == 0 && albert.hiddenDropoutProb == 0)
        let json = String(decoding: try albert.jsonBytes(), as: UTF8.self)
        #expect(json.contains("\"embedding_size\" : 8") && json.contains("\"num_hidden_groups\" : 1"))
        #expect(try EncoderConfiguration(albert) == BERTFixture.configuration(.albert))
        let roberta = BERTFixture.configuration(.roberta).bertConfiguration
        #expect(roberta.modelType == "roberta" && roberta.architectures == ["RobertaForMaskedLM"])
        #expect(roberta.typeVocabSize == 1 && roberta.maxPositionEmbeddings == 17 && roberta.padTokenId == 0)
        #expect(try EncoderConfiguration(roberta) == BERTFixture.configuration(.roberta))
        var shared = albert
        shared.numHiddenGroups = 2
        #expect(throws: PretextError.self) { try EncoderConfiguration(shared) }
    }

    @Test func variantsRefuseWhatTheyDoNotHave() {
        var configuration = BERTFixture.configuration(.roberta)
        configuration.pairTask = .nsp
        #expect(throws: PretextError.self) { try configuration.validate() }
        configuration = BERTFixture.configuration()
        configuration.embeddingSize = 8
        #expect(throws: PretextError.self) { try configuration.validate() }
    }

    @Test(arguments: [EncoderConfiguration.Variant.roberta, .albert])
    func checkpointRoundTripKeepsTheLoss(variant: EncoderConfiguration.Variant) throws {
        let configuration = BERTFixture.configuration(variant)
        let model = try BERTFixture.model(configuration, seed: 21)
        BERTFixture.randomize(model, seed: 22, scale: 0.2)
        let batch = BERTFixture.batch(BERTFixture.examples(), pairLabels: configuration.pairTask != .none)
        let directory = try TemporaryDirectory()
        let path = directory.file("model.safetensors")
        try SafetensorsFile(parameters: model.parameters).write(to: path)
        try model.configurationFile.write(toDirectory: directory.path)
        let file = try SafetensorsFile(contentsOf: path)
        #expect(file.tensors.map(\.name) == model.parameters.map(\.name).sorted())
        let configPath = directory.file("config.json")
        let read =
            variant == .albert
            ? try EncoderConfiguration(try AlbertConfiguration(contentsOf: configPath))
            : try EncoderConfiguration(try BertConfiguration(contentsOf: configPath))
        #expect(read == configuration)
        let loaded = try BertForPreTraining(configuration: read, seed: 99)
        try file.assign(to: loaded.parameters)
        #expect(try loaded.evaluate(batch) == model.evaluate(batch))
    }
}
