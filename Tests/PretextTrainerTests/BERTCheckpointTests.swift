import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// Hugging Face names and shapes, `config.json`, and the safetensors round trip.
@Suite struct BERTCheckpointTests {
    /// transformers' `BertForPreTraining` state dict for vocabulary 40, hidden 16, 2 layers,
    /// intermediate 32, 16 positions — without the tied `cls.predictions.decoder.{weight,bias}`
    /// (`_tied_weights_keys`) and the non-persistent `position_ids`/`token_type_ids` buffers.
    static let expectedPreTraining: [(String, [Int])] =
        [
            ("bert.embeddings.word_embeddings.weight", [40, 16]),
            ("bert.embeddings.position_embeddings.weight", [16, 16]),
            ("bert.embeddings.token_type_embeddings.weight", [2, 16]),
            ("bert.embeddings.LayerNorm.weight", [16]), ("bert.embeddings.LayerNorm.bias", [16]),
        ] + (0..<2).flatMap(layer)
        + [
            ("bert.pooler.dense.weight", [16, 16]), ("bert.pooler.dense.bias", [16]),
            ("cls.predictions.bias", [40]),
            ("cls.predictions.transform.dense.weight", [16, 16]), ("cls.predictions.transform.dense.bias", [16]),
            ("cls.predictions.transform.LayerNorm.weight", [16]), ("cls.predictions.transform.LayerNorm.bias", [16]),
            ("cls.seq_relationship.weight", [2, 16]), ("cls.seq_relationship.bias", [2]),
        ]

    /// The tensors of encoder layer `n`.
    static func layer(_ n: Int) -> [(String, [Int])] {
        let prefix = "bert.encoder.layer.\(n)."
        return [
            (prefix + "attention.self.query.weight", [16, 16]), (prefix + "attention.self.query.bias", [16]),
            (prefix + "attention.self.key.weight", [16, 16]), (prefix + "attention.self.key.bias", [16]),
            (prefix + "attention.self.value.weight", [16, 16]), (prefix + "attention.self.value.bias", [16]),
            (prefix + "attention.output.dense.weight", [16, 16]), (prefix + "attention.output.dense.bias", [16]),
            (prefix + "attention.output.LayerNorm.weight", [16]), (prefix + "attention.output.LayerNorm.bias", [16]),
            (prefix + "intermediate.dense.weight", [32, 16]), (prefix + "intermediate.dense.bias", [32]),
            (prefix + "output.dense.weight", [16, 32]), (prefix + "output.dense.bias", [16]),
            (prefix + "output.LayerNorm.weight", [16]), (prefix + "output.LayerNorm.bias", [16]),
        ]
    }

    @Test func namesAndShapesAreTransformers() throws {
        let model = try BERTFixture.model()
        #expect(model.parameters.map(\.name) == Self.expectedPreTraining.map(\.0))
        #expect(model.parameters.map(\.shape) == Self.expectedPreTraining.map(\.1))
        #expect(!model.parameters.contains { $0.name.contains("gamma") || $0.name.contains("beta") })
        let decaying = model.parameters.filter(\.decays).map(\.name)
        #expect(decaying.allSatisfy { $0.hasSuffix(".weight") && !$0.contains("LayerNorm") })
    }

    @Test func maskedLMOnlyHasNeitherPoolerNorPairHead() throws {
        let model = try BERTFixture.model(BERTFixture.configuration(pairTask: .none))
        let expected = Self.expectedPreTraining.filter {
            !$0.0.contains("pooler") && !$0.0.contains("seq_relationship")
        }
        #expect(model.parameters.map(\.name) == expected.map(\.0))
        #expect(model.configuration.bertConfiguration.architectures == ["BertForMaskedLM"])
    }

    @Test func decoderIsTheWordEmbeddings() throws {
        let model = try BERTFixture.model()
        #expect(model.maskedLM.decoder.weight === model.encoder.embeddings.word.weight)
        #expect(model.parameters.filter { $0 === model.encoder.embeddings.word.weight }.count == 1)
    }

    @Test func initializationIsHuggingFaces() throws {
        let model = try BERTFixture.model(BERTFixture.configuration(vocabulary: 1000))
        let word = model.encoder.embeddings.word.weight
        #expect(word.value[0..<16].allSatisfy { $0 == 0 }, "the pad row is zero")
        let values = word.value[16...].map(Double.init)
        let deviation = (values.map { $0 * $0 }.reduce(0, +) / Double(values.count)).squareRoot()
        #expect(abs(deviation - 0.02) < 0.001)
        #expect(model.maskedLM.bias.value.allSatisfy { $0 == 0 })
        #expect(model.encoder.layers[0].outputNorm.weight.value.allSatisfy { $0 == 1 })
    }

    @Test func configurationFileSaysWhatWasTrained() throws {
        let file = BERTFixture.configuration(pairTask: .sop).bertConfiguration
        #expect(file.architectures == ["BertForPreTraining"])
        #expect(file.hiddenDropoutProb == 0 && file.attentionProbsDropoutProb == 0)
        #expect(file.hiddenAct == "gelu" && file.layerNormEps == 1e-12 && file.typeVocabSize == 2)
        let directory = try TemporaryDirectory()
        let path = try file.write(toDirectory: directory.path)
        let read = try BertConfiguration(contentsOf: path)
        #expect(try EncoderConfiguration(read, pairTask: .sop) == BERTFixture.configuration(pairTask: .sop))
        #expect(try EncoderConfiguration(read).pairTask == .nsp)
        let maskedLM = BERTFixture.configuration(pairTask: .none)
        #expect(try EncoderConfiguration(maskedLM.bertConfiguration) == maskedLM)
    }

    @Test func invalidConfigurationsThrowNamingTheKey() {
        var configuration = BERTFixture.configuration()
        configuration.heads = 3
        #expect(throws: PretextError.self) { try BertForPreTraining(configuration: configuration, seed: 1) }
        configuration = BERTFixture.configuration()
        configuration.padTokenID = 40
        do {
            _ = try BertForPreTraining(configuration: configuration, seed: 1)
            Issue.record("a pad id outside the vocabulary was accepted")
        } catch let error as PretextError {
            #expect(error.code == .invalidConfiguration && error.message.contains("pad_token_id"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: EncoderConfiguration.PairTask.allCases)
    func checkpointRoundTripKeepsTheLoss(pairTask: EncoderConfiguration.PairTask) throws {
        let configuration = BERTFixture.configuration(pairTask: pairTask)
        let model = try BERTFixture.model(configuration, seed: 21)
        BERTFixture.randomize(model, seed: 22, scale: 0.2)
        let batch = BERTFixture.batch(BERTFixture.examples(), pairLabels: pairTask != .none)
        let directory = try TemporaryDirectory()
        let path = directory.file("model.safetensors")
        try SafetensorsFile(parameters: model.parameters).write(to: path)
        try model.configurationFile.write(toDirectory: directory.path)
        let file = try SafetensorsFile(contentsOf: path)
        #expect(file.metadata["format"] == "pt")
        #expect(file.tensors.map(\.name) == model.parameters.map(\.name).sorted())
        #expect(file["cls.predictions.decoder.weight"] == nil && file["cls.predictions.decoder.bias"] == nil)
        let read = try EncoderConfiguration(
            try BertConfiguration(contentsOf: directory.file("config.json")), pairTask: pairTask)
        let loaded = try BertForPreTraining(configuration: read, seed: 99)
        try file.assign(to: loaded.parameters)
        #expect(try loaded.evaluate(batch) == model.evaluate(batch))
        #expect(loaded.maskedLM.decoder.weight.value == model.encoder.embeddings.word.weight.value)
    }
}
