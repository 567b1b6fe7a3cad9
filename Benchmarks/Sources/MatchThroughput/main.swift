import Foundation
import Pretext

// Term-matching throughput (issue 5) on generated text, one thread, printed:
//   swift build --package-path Benchmarks -c release --product pretext-match-throughput
//   Benchmarks/.build/release/pretext-match-throughput
// A seeded lexicon of 2,000 terms (made-up words and phrases, a few real pronouns that hide
// inside longer words, 50 Chinese terms) over 16 MB of made-up English with a Chinese
// paragraph after about one sentence in 300, and over 4 MB of Chinese alone. Not a test.

/// Seeded made-up words, lexicon and text.
struct Generator {
    var random = SplitMix64(seed: 2024)
    static let letters = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)
    static let han = Array(
        "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明"
    )
    static let pronouns = ["he", "she", "his", "her", "him", "man", "men", "woman", "women", "they"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    mutating func word(_ lengths: ClosedRange<Int>) -> String {
        let length = lengths.lowerBound + Int(random.next() % UInt64(lengths.count))
        // Skewed towards frequent letters: the minimum of two draws.
        return String(
            decoding: (0..<length).map { _ in
                Self.letters[min(Int(random.next() % 26), Int(random.next() % 26))]
            }, as: UTF8.self)
    }

    mutating func hanWord(_ length: Int) -> String { String((0..<length).map { _ in pick(Self.han) }) }

    mutating func lexicon() -> [String] {
        var terms = Set(Self.pronouns)
        var chinese: Set<String> = []
        while chinese.count < 50 { chinese.insert(hanWord(2)) }
        while terms.count < 1_890 { terms.insert(word(3...9)) }
        while terms.count < 1_950 { terms.insert(word(3...7) + " " + word(3...7)) }
        return terms.sorted() + chinese.sorted()
    }

    mutating func english(_ bytes: Int, terms: [String], vocabulary: [String]) -> String {
        var text = ""
        while text.utf8.count < bytes {
            var sentence = (0..<(8 + Int(random.next() % 13))).map { _ in
                random.next() % 100 < 3 ? pick(terms) : pick(vocabulary)
            }.joined(separator: " ")
            sentence = sentence.prefix(1).uppercased() + sentence.dropFirst()
            text += sentence + pick([". ", ", ", "! ", "? ", ".\n\n"])
            if random.next() % 1000 < 3 { text += chinese(terms: terms) + "\n\n" }
        }
        return text
    }

    mutating func chinese(terms: [String]) -> String {
        let hanTerms = terms.filter { $0.unicodeScalars.first!.value > 0x2E80 }
        return (0..<(3 + Int(random.next() % 5))).map { _ in
            (0..<(8 + Int(random.next() % 20))).map { _ in
                random.next() % 100 < 10 ? pick(hanTerms) : hanWord(1 + Int(random.next() % 2))
            }.joined() + pick(["。", "，", "！"])
        }.joined()
    }
}

func measure(_ name: String, _ text: String, _ matcher: TermMatcher, repeats: Int = 5) throws {
    let boundaries = try WordBoundaries()
    var bytes = Array(text.utf8)
    var matches: [TermMatch] = []
    var best = Double.infinity
    bytes.withUnsafeMutableBytes { buffer in
        for _ in 0..<repeats {
            matches.removeAll(keepingCapacity: true)
            let start = DispatchTime.now().uptimeNanoseconds
            matcher.matches(in: UnsafeRawBufferPointer(buffer), into: &matches, boundaries: boundaries)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
    }
    let mbps = Double(bytes.count) / 1e6 / best
    print(
        "THROUGHPUT match \(name): \(String(format: "%.0f", mbps)) MB/s (\(bytes.count) bytes, "
            + "\(matches.count) matches, best of \(repeats))")
}

var generator = Generator()
let terms = generator.lexicon()
var vocabulary: [String] = []
for _ in 0..<20_000 { vocabulary.append(generator.word(2...10)) }
let buildStart = DispatchTime.now().uptimeNanoseconds
let matcher = try TermMatcher(terms: terms)
let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
print(
    "lexicon: \(terms.count) terms, \(matcher.stateCount) states, built in "
        + "\(String(format: "%.1f", buildSeconds * 1000)) ms")
try measure("english+zh", generator.english(16_000_000, terms: terms, vocabulary: vocabulary), matcher)
var chinese = ""
while chinese.utf8.count < 4_000_000 { chinese += generator.chinese(terms: terms) + "\n\n" }
try measure("chinese", chinese, matcher)
