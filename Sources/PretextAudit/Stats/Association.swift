import PretextCore

#if canImport(Glibc)
import Glibc
#endif

/// Pointwise mutual information of a group and a word, two ways.
///
/// **Textbook (sentence level)**, the default: with N sentences, `p(g) = n_g / N`,
/// `p(w) = n_w / N`, `p(g, w) = n_gw / N`,
///
///     PMI(g, w)  = ln( p(g, w) / (p(g) · p(w)) )
///     nPMI(g, w) = PMI(g, w) / −ln p(g, w)        ∈ [−1, 1]
///
/// nPMI is −1 when the two never co-occur (PMI = −∞), 0 when independent, 1 when they only
/// occur together.
///
/// **data-measurements-tool variant** (`dmt`): word probabilities from token counts (T tokens,
/// `c_g`, `c_w` occurrences), co-occurrence from sentences:
///
///     PMI(g, w)  = ln( (n_gw / c_w) / (c_g / T) )
///     nPMI(g, w) = PMI(g, w) / −ln( (n_gw / Σ_w' n_gw') · (c_w / T) )
///
/// and its "nPMI bias" of a paired group is `nPMI(a, w) − nPMI(b, w)`.
public enum Association {
    /// Which definition.
    public enum Variant: String, Sendable, CaseIterable, OptionChoice {
        /// Sentence-level probabilities (the textbook definition).
        case textbook
        /// The Hugging Face data-measurements-tool's definition.
        case dmt
    }

    /// PMI and nPMI of `group` and `word`, or `nil` when a count they need is zero
    /// (for the textbook variant: `n_g` or `n_w`; a zero co-occurrence gives −∞ and −1).
    public static func scores(
        group: String, word: String, in counts: CooccurrenceCounts, variant: Variant = .textbook
    ) -> (pmi: Double, npmi: Double)? {
        switch variant {
        case .textbook: textbook(group: group, word: word, counts)
        case .dmt: dmt(group: group, word: word, counts)
        }
    }

    private static func textbook(group: String, word: String, _ counts: CooccurrenceCounts) -> (Double, Double)? {
        let total = Double(counts.sentences)
        let nGroup = Double(counts.groupSentences[group])
        let nWord = Double(counts.wordSentences[word])
        guard total > 0, nGroup > 0, nWord > 0 else { return nil }
        let nPair = Double(counts.pairSentences[.init(group: group, word: word)])
        guard nPair > 0 else { return (-.infinity, -1) }
        let joint = nPair / total
        let pmi = log(joint / ((nGroup / total) * (nWord / total)))
        let normalizer = -log(joint)
        return (pmi, normalizer > 0 ? pmi / normalizer : 1)
    }

    private static func dmt(group: String, word: String, _ counts: CooccurrenceCounts) -> (Double, Double)? {
        let tokens = Double(counts.tokens)
        let groupTokens = Double(counts.groupTokens[group])
        let wordTokens = Double(counts.wordTokens[word])
        let pair = Double(counts.pairSentences[.init(group: group, word: word)])
        guard tokens > 0, groupTokens > 0, wordTokens > 0, pair > 0 else { return nil }
        let pairTotal = Double(
            counts.pairSentences.counts.reduce(0) { $0 + ($1.key.group == group ? $1.value : 0) })
        let pmi = log((pair / wordTokens) / (groupTokens / tokens))
        let normalizer = -log((pair / pairTotal) * (wordTokens / tokens))
        return (pmi, normalizer > 0 ? pmi / normalizer : 1)
    }
}
