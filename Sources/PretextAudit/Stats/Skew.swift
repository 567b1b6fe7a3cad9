#if canImport(Glibc)
import Glibc
#endif

/// How much more a word (an occupation) goes with one group of a pair than with the other:
/// the smoothed log-ratio of the word's share among each group's co-occurrences,
///
///     skew(w; a, b) = ln( (n_aw + α) / (n_a· + α·V) ) − ln( (n_bw + α) / (n_b· + α·V) )
///
/// where `n_aw` is the number of sentences with group `a` and word `w`, `n_a·` its sum over
/// the V words of the list, and α the add-α smoothing (1 by default). Positive: the word
/// leans towards `a`; 0: balanced; ±ln 2 ≈ ±0.69: twice as likely with one group.
public enum Skew {
    /// The skew of `word` between groups `a` and `b`, over the `words` of the list.
    public static func logRatio(
        word: String, a: String, b: String, words: [String], counts: CooccurrenceCounts, smoothing: Double = 1
    ) -> Double {
        let vocabulary = Double(words.count)
        func share(_ group: String) -> Double {
            let total = words.reduce(0) { $0 + counts.pairSentences[.init(group: group, word: $1)] }
            let count = counts.pairSentences[.init(group: group, word: word)]
            return (Double(count) + smoothing) / (Double(total) + smoothing * vocabulary)
        }
        return log(share(a)) - log(share(b))
    }
}
