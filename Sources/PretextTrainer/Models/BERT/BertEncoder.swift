/// The body of BERT (transformers `BertModel` without its pooler): the embeddings, then the
/// encoder layers one after another. Its output is the last hidden states, one row per token.
///
/// Shared by the pretraining model and, with other heads, by any encoder built on it.
public final class BertEncoder: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:)``.
    public struct Cache: Sendable {
        let embeddings: BertEmbeddings.Cache
        let layers: [BertLayer.Cache]
    }

    /// The input embeddings.
    public let embeddings: BertEmbeddings
    /// The encoder layers, `bert.encoder.layer.0` first.
    public let layers: [BertLayer]

    /// An encoder of `configuration`'s sizes, zeros (LayerNorm weights ones), its parameters
    /// named `{prefix}embeddings.…` and `{prefix}encoder.layer.N.…`: `prefix` "bert." as in
    /// `BertForPreTraining`, "" as in a bare `BertModel` (``ContrastiveEncoder``).
    public init(configuration: EncoderConfiguration, prefix: String = "bert.") {
        embeddings = BertEmbeddings(configuration: configuration, prefix: prefix)
        layers = (0..<configuration.layers).map { BertLayer(index: $0, configuration: configuration, prefix: prefix) }
    }

    /// The parameters, in Hugging Face's order.
    public var parameters: [Parameter] { embeddings.parameters + layers.flatMap(\.parameters) }

    /// The last hidden states, `[batch × sequence, H]`. Padding rows hold finite values that no
    /// real row depends on.
    public func forward(_ inputs: EncoderInputs) -> (output: Matrix, cache: Cache) {
        var (hidden, embeddingsCache) = embeddings.forward(inputs)
        var caches: [BertLayer.Cache] = []
        caches.reserveCapacity(layers.count)
        let mask = inputs.mask
        for layer in layers {
            let (output, cache) = layer.forward(hidden, mask: mask, batch: inputs.batch, sequence: inputs.sequence)
            hidden = output
            caches.append(cache)
        }
        return (hidden, Cache(embeddings: embeddingsCache, layers: caches))
    }

    /// Adds every parameter's gradient, given the last hidden states' gradient.
    public func backward(_ gradOutput: Matrix, cache: Cache) {
        var gradient = gradOutput
        for (layer, layerCache) in zip(layers, cache.layers).reversed() {
            gradient = layer.backward(gradient, cache: layerCache)
        }
        embeddings.backward(gradient, cache: cache.embeddings)
    }
}
