import Foundation
import PretextCore
import PretextLoader
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// The GPT-2 model's structure: names and shapes, config.json, checkpoint round trip, inputs,
/// and the untrained loss.
@Suite struct GPT2ModelTests {
    /// transformers' `GPT2LMHeadModel.state_dict()` keys for 2 blocks, E 16, inner 64, vocabulary
    /// 40, 16 positions, without the tied `lm_head.weight` and the non-persistent `attn.bias` /
    /// `attn.masked_bias` buffers (what `save_pretrained` writes).
    static let expectedParameters: [(String, [Int])] =
        [("transformer.wte.weight", [40, 16]), ("transformer.wpe.weight", [16, 16])]
        + (0..<2).flatMap { n in
            [
                ("transformer.h.\(n).ln_1.weight", [16]), ("transformer.h.\(n).ln_1.bias", [16]),
                ("transformer.h.\(n).attn.c_attn.weight", [16, 48]), ("transformer.h.\(n).attn.c_attn.bias", [48]),
                ("transformer.h.\(n).attn.c_proj.weight", [16, 16]), ("transformer.h.\(n).attn.c_proj.bias", [16]),
                ("transformer.h.\(n).ln_2.weight", [16]), ("transformer.h.\(n).ln_2.bias", [16]),
                ("transformer.h.\(n).mlp.c_fc.weight", [16, 64]), ("transformer.h.\(n).mlp.c_fc.bias", [64]),
                ("transformer.h.\(n).mlp.c_proj.weight", [64, 16]), ("transformer.h.\(n).mlp.c_proj.bias", [16]),
            ]
        } + [("transformer.ln_f.weight", [16]), ("transformer.ln_f.bias", [16])]

    @Test func parameterNamesAndShapesAreTransformers() throws {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration())
        #expect(model.parameters.map(\.name) == Self.expectedParameters.map(\.0))
        #expect(model.parameters.map(\.shape) == Self.expectedParameters.map(\.1))
        let decaying = model.parameters.filter(\.decays).map(\.name)
        #expect(decaying.allSatisfy { $0.hasSuffix(".weight") && !$0.contains(".ln_") })
        #expect(decaying.count == 2 + 2 * 4)
    }

    @Test func theConfigFileIsGPT2WithoutDropout() throws {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration())
        let file = try #require(model.configurationFile as? GPT2Configuration)
        #expect(file.architectures == ["GPT2LMHeadModel"] && file.activationFunction == "gelu_new")
        #expect(file.residPdrop == 0 && file.embdPdrop == 0 && file.attnPdrop == 0)
        #expect(file.nInner == 64 && file.nPositions == 16 && file.layerNormEpsilon == 1e-5)
        #expect(DecoderConfiguration(file).file == file && DecoderConfiguration(file).innerWidth == 64)
    }

    @Test func initializationScalesTheResidualProjections() throws {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration(), seed: 3)
        func deviation(_ name: String) -> Double {
            let values = model.parameters.first { $0.name == name }!.value
            return (values.reduce(0) { $0 + Double($1 * $1) } / Double(values.count)).squareRoot()
        }
        #expect(abs(deviation("transformer.wte.weight") - 0.02) < 0.002)
        #expect(abs(deviation("transformer.h.0.mlp.c_proj.weight") - 0.01) < 0.001)
        #expect(abs(deviation("transformer.h.1.attn.c_proj.weight") - 0.01) < 0.002)
    }

    @Test func theCheckpointRoundTrips() throws {
        let directory = try TemporaryDirectory()
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration(), seed: 5)
        let path = directory.file("model.safetensors")
        try SafetensorsFile(parameters: model.parameters).write(to: path)
        try model.configurationFile.write(toDirectory: directory.path)
        let file = try GPT2Configuration(contentsOf: directory.file("config.json"))
        let loaded = try GPT2LMHeadModel(DecoderConfiguration(file), seed: 99)
        try SafetensorsFile(contentsOf: path).assign(to: loaded.parameters)
        for (a, b) in zip(model.parameters, loaded.parameters) { #expect(a.value == b.value, "\(a.name)") }
        let batch = GPT2Fixtures.standardBatch
        #expect(try loaded.logits(batch) == model.logits(batch))
        #expect(try SafetensorsFile(contentsOf: path)["lm_head.weight"] == nil)
    }

    @Test func theUntrainedLossIsTheLogOfTheVocabulary() throws {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration(), seed: 7)
        let metrics = try model.evaluate(GPT2Fixtures.standardBatch)
        let loss = try #require(metrics.mean("loss"))
        #expect(abs(loss - log(40.0)) < 0.1)
        // 7 + 5 + 7 predicted tokens.
        #expect(metrics.entries["clm_loss"]?.count == 19 && metrics.entries["clm_correct"]?.count == 19)
        #expect(abs(metrics.mean("clm_loss")! - loss) < 1e-6)
    }

    @Test func inputsFollowTheDocuments() throws {
        let inputs = try DecoderInputs(batch: GPT2Fixtures.standardBatch, configuration: GPT2Fixtures.configuration())
        #expect(inputs.documents!.prefix(16) == [1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 2, 3])
        #expect(inputs.positionIDs.prefix(8) == [0, 1, 2, 3, 4, 0, 1, 2])
        #expect(inputs.targets.prefix(16) == [12, 33, 4, 1, 25, 9, 1, -100, 17, 22, 8, 30, 1, -100, -100, -100])
        let plain = try DecoderInputs(
            batch: GPT2Fixtures.standardBatch, configuration: GPT2Fixtures.configuration(documentAttention: false))
        #expect(plain.documents == nil && plain.positionIDs.prefix(8) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(plain.targets == inputs.targets)
    }

    @Test func missingAndBadFieldsAreRefused() throws {
        let batch = GPT2Fixtures.standardBatch
        let configuration = GPT2Fixtures.configuration()
        let noPositions = Batch(
            names: ["input_ids"], tensors: ["input_ids": batch["input_ids"]!], examples: batch.examples)
        #expect(throws: PretextError.self) { try DecoderInputs(batch: noPositions, configuration: configuration) }
        #expect(throws: Never.self) {
            try DecoderInputs(batch: noPositions, configuration: GPT2Fixtures.configuration(documentAttention: false))
        }
        let long = GPT2Fixtures.batch([(Array(repeating: 3, count: 17), Array(0..<17))], sequence: 17)
        #expect(throws: PretextError.self) { try DecoderInputs(batch: long, configuration: configuration) }
        let outside = GPT2Fixtures.batch([([40], [0])], sequence: 1)
        #expect(throws: PretextError.self) { try DecoderInputs(batch: outside, configuration: configuration) }
    }

    @Test func embeddingsAreMeanFinalStatesOverRealTokens() throws {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration(), seed: 9)
        let row: (ids: [Int32], positions: [Int32]) = ([3, 17, 22, 8, 30, 1], [0, 1, 2, 3, 4, 5])
        let pooled = try model.embed(GPT2Fixtures.batch([row], sequence: 6))
        let padded = try model.embed(GPT2Fixtures.batch([row, ([], [])], sequence: 9))
        let inputs = try DecoderInputs(
            ids: row.ids, rows: 1, positions: row.positions, lengths: nil, configuration: model.configuration)
        let hidden = model.forward(inputs, logits: false).hidden
        let mean = (0..<16).map { c in (0..<6).reduce(Float(0)) { $0 + hidden[$1, c] } / 6 }
        #expect(pooled.rows == 1 && pooled.columns == 16 && padded.rows == 2)
        expectClose(pooled.values, mean, absolute: 1e-6)
        expectClose(Array(padded.values[0..<16]), mean, absolute: 1e-5)
        #expect(padded.values[16...].allSatisfy { $0 == 0 })
    }
}
