import PretextCore

/// A fixed set of made-up boilerplate lines (navigation bars, breadcrumbs, cookie-like notices,
/// copyright-like footers) that variants get prepended or appended.
///
/// Built once from a fixed seed out of the English vocabulary's 2,000 most frequent words, so
/// many documents share the same lines, as pages of one site share their template.
struct BoilerplateLines: Sendable {
    /// The lines every corpus uses (50).
    static let shared = BoilerplateLines(count: 50, seed: 0x5EED_0003)

    /// The lines.
    let lines: [String]

    /// Generates `count` lines, cycling through the kinds of line.
    init(count: Int, seed: UInt64) {
        var rng = SeedMixer.generator(seed, stream: .vocabulary, index: 2)
        let words = Array(EnglishVocabulary.shared.words.prefix(2_000))
        lines = (0..<count).map { index in Self.makeLine(kind: index % 4, words: words, using: &rng) }
    }

    /// A line drawn uniformly.
    func draw(using rng: inout SplitMix64) -> String {
        rng.pick(lines)
    }

    private static func makeLine(kind: Int, words: [String], using rng: inout SplitMix64) -> String {
        func word() -> String { rng.pick(words) }
        func capitalized() -> String { SentenceCase.capitalize(word()) }
        switch kind {
        case 0:
            return (0..<rng.int(in: 4...7)).map { _ in capitalized() }.joined(separator: " | ")
        case 1:
            return (0..<rng.int(in: 3...4)).map { _ in capitalized() }.joined(separator: " > ")
        case 2:
            let body = (0..<rng.int(in: 8...14)).map { _ in word() }.joined(separator: " ")
            return SentenceCase.capitalize(body) + ". " + capitalized() + " " + word() + "."
        default:
            let year = rng.int(in: 1998...2025)
            return "(c) \(year) \(capitalized()) \(capitalized()). \(capitalized()) \(word()) \(word())."
        }
    }
}
