import Foundation
import PretextCore

/// Made-up text for dedupe tests: seeded, no text from elsewhere.
struct MadeUpText {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func word() -> String {
        let syllables = ["ka", "lo", "mi", "ter", "su", "van", "pe", "dor", "qui", "zel", "ra", "fen", "tu", "bex"]
        let count = 2 + Int(next() % 3)
        return (0..<count).map { _ in syllables[Int(next() % UInt64(syllables.count))] }.joined()
    }

    mutating func words(_ count: Int) -> [String] { (0..<count).map { _ in word() } }

    /// A line of `words` made-up words, capitalized, ending with a period.
    mutating func sentence(_ words: Int = 8) -> String {
        let text = self.words(words).joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// Made-up Chinese: `count` ideographs from U+4E00 on, a full stop every 20.
    mutating func chinese(_ count: Int) -> [Character] {
        (0..<count).map { index in
            index % 20 == 19 ? "。" : Character(Unicode.Scalar(0x4E00 + UInt32(next() % 3000))!)
        }
    }

    /// `words` with `count` of them (at random positions, possibly repeated) replaced.
    mutating func edited(_ words: [String], count: Int) -> [String] {
        var words = words
        for _ in 0..<count { words[Int(next() % UInt64(words.count))] = word() }
        return words
    }
}
