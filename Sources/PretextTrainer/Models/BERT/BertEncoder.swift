/// The body of BERT (transformers `BertModel` without its pooler): the embeddings, then the
/// encoder layers one after another. Its output is the last hidden states, one row per token.
///
/// ALBERT's body (`AlbertModel` without its pooler) is the same with two differences: the
/// embeddings, of width E, pass through ``embeddingProjection`` (`embedding_hidden_mapping_in`,
/// E → H) first, and ``layers`` holds one layer instance `num_hidden_layers` times (cross-layer
/// sharing), so the backward pass adds every pass's gradients into the one layer's parameters.
///
/// Shared by the pretraining model and, with other heads, by any encoder built on it.
public final class BertEncoder: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:)``.
    public struct Cache: Sendable {
        let embeddings: BertEmbeddings.Cache
        let projection: Linear.Cache?
        let layers: [BertLayer.Cache]
    }

    /// The input embeddings.
    public let embeddings: BertEmbeddings
    /// ALBERT's E → H mapping, `nil` in BERT and RoBERTa.
    public let embeddingProjection: Linear?
    /// The encoder layers in the order they run, `bert.encoder.layer.0` first; in ALBERT, the
    /// same instance at every index.
    public let layers: [BertLayer]

    /// An encoder of `configuration`'s sizes, zeros (LayerNorm weights ones), named `names`:
    /// `nil` for the variant's names in a model with heads (`bert.embeddings.…`),
    /// ``EncoderNames/baseModel(_:)`` for a bare `BertModel` (``ContrastiveEncoder``).
    public init(configuration: EncoderConfiguration, names: EncoderNames? = nil) {
        let names = names ?? configuration.names
        embeddings = BertEmbeddings(configuration: configuration, names: names)
        embeddingProjection = names.embeddingProjection.map {
            Linear(name: $0, inputs: configuration.embeddingSize, outputs: configuration.hiddenSize)
        }
        if configuration.sharesLayers {
            layers = Array(
                repeating: BertLayer(names: names.layer(0), configuration: configuration), count: configuration.layers)
        } else {
            layers = (0..<configuration.layers).map { BertLayer(names: names.layer($0), configuration: configuration) }
        }
    }

    /// The parameters, each instance once, in Hugging Face's order (a shared layer's once).
    public var parameters: [Parameter] {
        let projection = embeddingProjection.map(BertLayer.parameters) ?? []
        return (embeddings.parameters + projection + layers.flatMap(\.parameters)).distinctInstances
    }

    /// The last hidden states, `[batch × sequence, H]`. Padding rows hold finite values that no
    /// real row depends on.
    public func forward(_ inputs: EncoderInputs) -> (output: Matrix, cache: Cache) {
        var (hidden, embeddingsCache) = embeddings.forward(inputs)
        var projectionCache: Linear.Cache?
        if let embeddingProjection { (hidden, projectionCache) = embeddingProjection.forward(hidden) }
        var caches: [BertLayer.Cache] = []
        caches.reserveCapacity(layers.count)
        let mask = inputs.mask
        for layer in layers {
            let (output, cache) = layer.forward(hidden, mask: mask, batch: inputs.batch, sequence: inputs.sequence)
            hidden = output
            caches.append(cache)
        }
        return (hidden, Cache(embeddings: embeddingsCache, projection: projectionCache, layers: caches))
    }

    /// Adds every parameter's gradient, given the last hidden states' gradient.
    public func backward(_ gradOutput: Matrix, cache: Cache) {
        var gradient = gradOutput
        for (layer, layerCache) in zip(layers, cache.layers).reversed() {
            gradient = layer.backward(gradient, cache: layerCache)
        }
        if let embeddingProjection, let projectionCache = cache.projection {
            gradient = embeddingProjection.backward(gradient, cache: projectionCache)
        }
        embeddings.backward(gradient, cache: cache.embeddings)
    }
}
