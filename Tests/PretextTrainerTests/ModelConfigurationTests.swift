import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// The emitted `config.json` files: keys, values, order and validation.
@Suite struct ModelConfigurationTests {
    private let bert = BertConfiguration(
        vocabSize: 1000, hiddenSize: 64, numHiddenLayers: 2, numAttentionHeads: 4, intermediateSize: 256,
        maxPositionEmbeddings: 128, padTokenId: 0)
    private let gpt2 = GPT2Configuration(
        vocabSize: 1000, nPositions: 128, nEmbd: 64, nLayer: 2, nHead: 4, bosTokenId: 1, eosTokenId: 2)

    @Test func bertConfigHasTransformersKeysSorted() throws {
        let expected = """
            {
              "architectures" : [
                "BertForPreTraining"
              ],
              "attention_probs_dropout_prob" : 0.1,
              "hidden_act" : "gelu",
              "hidden_dropout_prob" : 0.1,
              "hidden_size" : 64,
              "initializer_range" : 0.02,
              "intermediate_size" : 256,
              "layer_norm_eps" : 1e-12,
              "max_position_embeddings" : 128,
              "model_type" : "bert",
              "num_attention_heads" : 4,
              "num_hidden_layers" : 2,
              "pad_token_id" : 0,
              "position_embedding_type" : "absolute",
              "type_vocab_size" : 2,
              "vocab_size" : 1000
            }

            """
        #expect(String(decoding: try bert.jsonBytes(), as: UTF8.self) == expected)
    }

    @Test func gpt2ConfigHasTransformersKeysSorted() throws {
        let expected = """
            {
              "activation_function" : "gelu_new",
              "architectures" : [
                "GPT2LMHeadModel"
              ],
              "attn_pdrop" : 0.1,
              "bos_token_id" : 1,
              "embd_pdrop" : 0.1,
              "eos_token_id" : 2,
              "initializer_range" : 0.02,
              "layer_norm_epsilon" : 1e-05,
              "model_type" : "gpt2",
              "n_embd" : 64,
              "n_head" : 4,
              "n_inner" : 256,
              "n_layer" : 2,
              "n_positions" : 128,
              "resid_pdrop" : 0.1,
              "vocab_size" : 1000
            }

            """
        #expect(String(decoding: try gpt2.jsonBytes(), as: UTF8.self) == expected)
    }

    /// The values as a JSON reader sees them (independent of the encoder's spacing).
    @Test func theValuesParseAsTransformersExpects() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try bert.jsonBytes())) as? [String: Any])
        #expect(object["layer_norm_eps"] as? Double == 1e-12)
        #expect(object["model_type"] as? String == "bert")
        #expect(object["architectures"] as? [String] == ["BertForPreTraining"])
        #expect(object.count == 16)
    }

    @Test func configsRoundTripThroughTheirFiles() throws {
        let directory = try TemporaryDirectory()
        let bertPath = try bert.write(toDirectory: try directory.directory("bert"))
        #expect(bertPath.hasSuffix("bert/config.json"))
        #expect(try BertConfiguration(contentsOf: bertPath) == bert)
        let gpt2Path = try gpt2.write(toDirectory: try directory.directory("gpt2"))
        #expect(try GPT2Configuration(contentsOf: gpt2Path) == gpt2)
        let error = try #require(throws: PretextError.self) { try GPT2Configuration(contentsOf: bertPath) }
        #expect(error.path == bertPath)
        #expect(error.message.contains("it has no"))
    }

    @Test func invalidSizesAreRefusedNamingTheKey() throws {
        var heads = bert
        heads.numAttentionHeads = 5
        var pad = bert
        pad.padTokenId = 1000
        var dropout = gpt2
        dropout.attnPdrop = 1
        var layers = gpt2
        layers.nLayer = 0
        let cases: [(any ModelConfigurationFile, String)] = [
            (heads, "multiple of the 5 attention heads"), (pad, "pad_token_id 1000"), (dropout, "attn_pdrop"),
            (layers, "n_layer must be at least 1"),
        ]
        let directory = try TemporaryDirectory()
        for (configuration, mention) in cases {
            let error = try #require(throws: PretextError.self) {
                try configuration.write(toDirectory: directory.path)
            }
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains(mention), "\(error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
