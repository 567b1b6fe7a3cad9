import PretextCore

/// The made-up English-like vocabulary: lowercase ASCII words of 2–4 syllables.
///
/// Built once from a fixed seed (the same for every corpus), ranked shortest first so that
/// the frequent words are the short ones, and drawn with a Zipf law.
struct EnglishVocabulary: Sendable {
    /// The vocabulary every corpus uses (20,000 words).
    static let shared = EnglishVocabulary(count: 20_000, seed: 0x5EED_0001)

    /// The words, most frequent first.
    let words: [String]
    private let sampler: ZipfSampler

    /// Generates `count` distinct words from syllables.
    init(count: Int, seed: UInt64) {
        var rng = SeedMixer.generator(seed, stream: .vocabulary, index: 0)
        var seen = Set<String>()
        var generated: [String] = []
        while generated.count < count {
            let word = Self.makeWord(using: &rng)
            if seen.insert(word).inserted { generated.append(word) }
        }
        words = Self.rankShortestFirst(generated)
        sampler = ZipfSampler(count: words.count)
    }

    /// A word drawn with the Zipf law.
    func draw(using rng: inout SplitMix64) -> String {
        words[sampler.draw(using: &rng)]
    }

    private static let onsets = [
        "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
        "br", "cl", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", "ch", "sp",
    ]
    private static let nuclei = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "ie", "oa"]
    private static let codas = ["", "", "", "", "n", "r", "s", "l", "m", "t", "nd", "st"]

    /// One word: 2 syllables (45 %), 3 (40 %) or 4 (15 %).
    private static func makeWord(using rng: inout SplitMix64) -> String {
        let roll = rng.unit()
        let syllables = roll < 0.45 ? 2 : (roll < 0.85 ? 3 : 4)
        var word = ""
        for _ in 0..<syllables {
            word += rng.pick(onsets)
            word += rng.pick(nuclei)
            word += rng.pick(codas)
        }
        return word
    }

    /// Sorts by length, ties in generation order (a deterministic, stable ranking).
    private static func rankShortestFirst(_ words: [String]) -> [String] {
        words.enumerated()
            .sorted { ($0.element.utf8.count, $0.offset) < ($1.element.utf8.count, $1.offset) }
            .map(\.element)
    }
}
