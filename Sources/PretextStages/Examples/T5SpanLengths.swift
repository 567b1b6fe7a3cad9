import PretextCore

/// The lengths of T5 span corruption (`t5/data/preprocessors.py`): the raw tokens per chunk
/// for a given inputs length (`random_spans_helper`), and the noise of one chunk
/// (`random_spans_noise_mask`'s counts).
///
/// Rounding is Python's and TensorFlow's: half to even. For inputs 512, noise density 0.15 and
/// mean noise span length 3: 568 raw tokens, 85 noise tokens in 28 spans, 114 targets.
public struct T5SpanLengths: Sendable, Equatable {
    /// Raw tokens per chunk (T5's `tokens_length`).
    public let rawLength: Int
    /// Tokens of the inputs: non-noise tokens, one sentinel per noise span, EOS.
    public let inputsLength: Int
    /// Tokens of the targets: one sentinel per noise span, the noise tokens, EOS.
    public let targetsLength: Int
    /// Noise tokens of a full chunk.
    public let noiseTokens: Int
    /// Noise spans of a full chunk.
    public let noiseSpans: Int

    /// The lengths for `inputsLength`, as `random_spans_helper`: the longest raw length whose
    /// inputs fit, with its hack for density 0.5 (targets one shorter than inputs at most).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when a chunk would have no noise token
    ///   or no non-noise token.
    public init(inputsLength: Int, noiseDensity: Double, meanNoiseSpanLength: Double) throws {
        let lengths = { (raw: Int) in Self.helperLengths(raw, noiseDensity, meanNoiseSpanLength) }
        var raw = inputsLength - 1
        while lengths(raw + 1).inputs <= inputsLength { raw += 1 }
        var (inputs, targets) = lengths(raw)
        if noiseDensity == 0.5, targets > inputs {
            raw -= 1
            targets -= 1
        }
        let noise = Self.round(Double(raw) * noiseDensity)
        guard noise >= 1, raw - noise >= 1, Self.round(Double(noise) / meanNoiseSpanLength) >= 1 else {
            throw PretextError(
                .invalidConfiguration,
                "t5_spans: \(raw) raw tokens at noise_density \(noiseDensity) and mean_noise_span_length "
                    + "\(meanNoiseSpanLength) leave no noise span; raise inputs_length or noise_density")
        }
        rawLength = raw
        self.inputsLength = inputs
        targetsLength = targets
        noiseTokens = noise
        noiseSpans = Self.round(Double(noise) / meanNoiseSpanLength)
    }

    /// `_tokens_length_to_inputs_length_targets_length`: inputs and targets of `raw` tokens.
    static func helperLengths(_ raw: Int, _ density: Double, _ meanSpan: Double) -> (inputs: Int, targets: Int) {
        let noise = round(Double(raw) * density)
        let spans = round(Double(noise) / meanSpan)
        return (raw - noise + spans + 1, noise + spans + 1)
    }

    /// The noise tokens and spans of a chunk of `length` tokens (≥ 2), as
    /// `random_spans_noise_mask`: at least one noise and one non-noise token, at least one span;
    /// and (here, for chunks so short T5 would fail) no more spans than non-noise tokens.
    static func noise(length: Int, density: Double, meanSpan: Double) -> (tokens: Int, spans: Int) {
        let tokens = min(max(round(Double(length) * density), 1), length - 1)
        let spans = min(max(round(Double(tokens) / meanSpan), 1), tokens, length - tokens)
        return (tokens, spans)
    }

    /// `value` rounded half to even, as Python's `round` and `tf.round`.
    static func round(_ value: Double) -> Int { Int(value.rounded(.toNearestOrEven)) }
}
