/// One pre-LayerNorm transformer block of GPT-2 (transformers' `GPT2Block`), `transformer.h.N`:
///
///     h ← h + attn.c_proj(attention(split_q|k|v(attn.c_attn(ln_1(h)))))
///     h ← h + mlp.c_proj(gelu_tanh(mlp.c_fc(ln_2(h))))
///
/// The projections are `Conv1D` (weights `[in, out]`, ``Linear/WeightLayout/inputsByOutputs``);
/// `c_attn`'s output holds q, k and v side by side along its last axis.
final class GPT2Block: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:batch:sequence:mask:)``.
    struct Cache: Sendable {
        let norm1: LayerNorm.Cache
        let qkv: Linear.Cache
        let attention: MultiHeadAttention.Cache
        let attentionProjection: Linear.Cache
        let norm2: LayerNorm.Cache
        let up: Linear.Cache
        /// `mlp.c_fc`'s output, the GELU's input.
        let preActivation: Matrix
        let down: Linear.Cache
    }

    let norm1: LayerNorm
    let qkv: Linear
    let attention: MultiHeadAttention
    let attentionProjection: Linear
    let norm2: LayerNorm
    let up: Linear
    let down: Linear

    /// Block `index` of a model of `configuration`, its parameters zero (LayerNorm weights 1).
    init(index: Int, configuration: DecoderConfiguration) {
        let (name, width, inner) = ("transformer.h.\(index)", configuration.embedding, configuration.innerWidth)
        let epsilon = Float(configuration.layerNormEpsilon)
        norm1 = LayerNorm(name: name + ".ln_1", dimension: width, epsilon: epsilon)
        qkv = Linear(name: name + ".attn.c_attn", inputs: width, outputs: 3 * width, layout: .inputsByOutputs)
        attention = MultiHeadAttention(heads: configuration.heads, headDimension: width / configuration.heads)
        attentionProjection = Linear(
            name: name + ".attn.c_proj", inputs: width, outputs: width, layout: .inputsByOutputs)
        norm2 = LayerNorm(name: name + ".ln_2", dimension: width, epsilon: epsilon)
        up = Linear(name: name + ".mlp.c_fc", inputs: width, outputs: inner, layout: .inputsByOutputs)
        down = Linear(name: name + ".mlp.c_proj", inputs: inner, outputs: width, layout: .inputsByOutputs)
    }

    /// The parameters in transformers' `state_dict` order: `ln_1`, `attn.c_attn`, `attn.c_proj`,
    /// `ln_2`, `mlp.c_fc`, `mlp.c_proj`, each weight then bias.
    var parameters: [Parameter] {
        [norm1.weight, norm1.bias] + [qkv, attentionProjection].flatMap { [$0.weight, $0.bias!] }
            + [norm2.weight, norm2.bias] + [up, down].flatMap { [$0.weight, $0.bias!] }
    }

    /// The block's output for hidden states `h`, `[batch × sequence, E]`.
    func forward(_ h: Matrix, batch: Int, sequence: Int, mask: AttentionMask) -> (output: Matrix, cache: Cache) {
        let (a, norm1Cache) = norm1.forward(h)
        let (fused, qkvCache) = qkv.forward(a)
        let parts = fused.splitColumns(into: 3)
        let (attended, attentionCache) = attention.forward(
            query: parts[0], key: parts[1], value: parts[2], batch: batch, sequence: sequence, mask: mask)
        let (projected, projectionCache) = attentionProjection.forward(attended)
        let middle = h.adding(projected)
        let (m, norm2Cache) = norm2.forward(middle)
        let (preActivation, upCache) = up.forward(m)
        let (mlp, downCache) = down.forward(GELU.tanh.forward(preActivation))
        let cache = Cache(
            norm1: norm1Cache, qkv: qkvCache, attention: attentionCache, attentionProjection: projectionCache,
            norm2: norm2Cache, up: upCache, preActivation: preActivation, down: downCache)
        return (middle.adding(mlp), cache)
    }

    /// The gradient of the block's input given its output's, `gradOutput`; adds the parameters'
    /// gradients. Each residual passes `dh` through and adds its branch's input gradient.
    func backward(_ gradOutput: Matrix, cache: Cache) -> Matrix {
        let gradActivation = down.backward(gradOutput, cache: cache.down)
        let gradPreActivation = GELU.tanh.backward(gradActivation, input: cache.preActivation)
        let gradM = up.backward(gradPreActivation, cache: cache.up)
        let gradMiddle = gradOutput.adding(norm2.backward(gradM, cache: cache.norm2))
        let gradAttended = attentionProjection.backward(gradMiddle, cache: cache.attentionProjection)
        let parts = attention.backward(gradAttended, cache: cache.attention)
        let gradFused = Matrix.joiningColumns([parts.query, parts.key, parts.value])
        let gradA = qkv.backward(gradFused, cache: cache.qkv)
        return gradMiddle.adding(norm1.backward(gradA, cache: cache.norm1))
    }
}
