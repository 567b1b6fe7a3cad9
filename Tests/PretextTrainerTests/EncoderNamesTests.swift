import Testing

@testable import PretextTrainer

/// The encoder's Hugging Face names inside a model with heads and in a bare base model.
@Suite struct EncoderNamesTests {
    @Test func aModelWithHeadsPrefixesTheBaseModel() {
        let bert = EncoderNames(.bert)
        #expect(bert.embeddings == "bert.embeddings" && bert.pooler == "bert.pooler.dense")
        #expect(bert.layer(1).query == "bert.encoder.layer.1.attention.self.query")
        let albert = EncoderNames(.albert)
        #expect(albert.embeddingProjection == "albert.encoder.embedding_hidden_mapping_in")
        #expect(albert.layer(0).intermediate == "albert.encoder.albert_layer_groups.0.albert_layers.0.ffn")
        #expect(albert.pooler == "albert.pooler")
    }

    @Test func aBareBaseModelHasNoPrefix() {
        let bert = EncoderNames.baseModel(.bert)
        #expect(bert.prefix.isEmpty && bert.embeddings == "embeddings" && bert.pooler == "pooler.dense")
        #expect(bert.layer(1).outputNorm == "encoder.layer.1.output.LayerNorm")
        #expect(bert.embeddingProjection == nil)
        let albert = EncoderNames.baseModel(.albert)
        #expect(albert.embeddingProjection == "encoder.embedding_hidden_mapping_in")
        #expect(albert.layer(0).query == "encoder.albert_layer_groups.0.albert_layers.0.attention.query")
        #expect(albert.pooler == "pooler")
    }
}
