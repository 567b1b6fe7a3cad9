import PretextCore

/// The made-up Chinese-like vocabulary: "words" of 1–3 CJK Unified Ideographs (U+4E00–U+9FA5).
///
/// Built once from a fixed seed (the same for every corpus), shortest first, drawn with a Zipf
/// law. The characters of a word are uniform in the block, so the text means nothing.
struct ChineseVocabulary: Sendable {
    /// The vocabulary every corpus uses (5,000 words).
    static let shared = ChineseVocabulary(count: 5_000, seed: 0x5EED_0002)

    /// The first and last ideographs used.
    static let ideographs: ClosedRange<Int> = 0x4E00...0x9FA5

    /// The words, most frequent first; each one is an array of single-character strings.
    let words: [[String]]
    private let sampler: ZipfSampler

    /// Generates `count` distinct words.
    init(count: Int, seed: UInt64) {
        var rng = SeedMixer.generator(seed, stream: .vocabulary, index: 1)
        var seen = Set<[String]>()
        var generated: [[String]] = []
        while generated.count < count {
            let word = Self.makeWord(using: &rng)
            if seen.insert(word).inserted { generated.append(word) }
        }
        words = generated.enumerated()
            .sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }
            .map(\.element)
        sampler = ZipfSampler(count: words.count)
    }

    /// A word (its characters) drawn with the Zipf law.
    func draw(using rng: inout SplitMix64) -> [String] {
        words[sampler.draw(using: &rng)]
    }

    /// One character: a random character of a word drawn with the Zipf law.
    func drawCharacter(using rng: inout SplitMix64) -> String {
        rng.pick(draw(using: &rng))
    }

    /// One word: 1 character (30 %), 2 (55 %) or 3 (15 %).
    private static func makeWord(using rng: inout SplitMix64) -> [String] {
        let roll = rng.unit()
        let length = roll < 0.30 ? 1 : (roll < 0.85 ? 2 : 3)
        return (0..<length).map { _ in
            let value = UInt32(rng.int(in: ideographs))
            return String(Character(Unicode.Scalar(value)!))
        }
    }
}
