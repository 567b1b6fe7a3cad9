// A seeded, in-memory JSONL corpus for the micro-benchmarks: the shape of
// scripts/bench/gen-corpus.py (generated Zipf vocabulary, ~20 % CJK documents, occasional
// JSON escapes, url/date/score metadata), small enough to generate in a fraction of a second.
import Pretext

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws ranks 0..<n with probability proportional to 1 / (rank + 1)^s.
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int, exponent: Double) {
        var total = 0.0
        cumulative = (1...count).map { rank in
            total += 1.0 / pow(Double(rank), exponent)
            return total
        }
    }

    func sample(_ rng: inout SplitMix64) -> Int {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &rng)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// A generated corpus: JSONL input lines and the matching Pretext document records.
struct SyntheticCorpus {
    /// Input lines, `\n`-terminated, as `pretext stage ingest` reads them.
    var jsonl: [UInt8] = []
    /// Line boundaries in `jsonl` (without the newline).
    var lines: [Range<Int>] = []
    /// The document texts, UTF-8, concatenated (for UTF-8 validation).
    var text: [UInt8] = []
    /// The Latin-script documents' texts only, and the CJK ones only.
    var latinText: [UInt8] = []
    var cjkText: [UInt8] = []

    /// Generates about `bytes` of JSONL from `seed`.
    init(bytes: Int, seed: UInt64 = 1) {
        var rng = SplitMix64(seed: seed)
        let words = Self.vocabulary(count: 20_000, rng: &rng)
        let wordZipf = ZipfSampler(count: words.count, exponent: 1.07)
        let cjk = (0..<3_000).map { _ in
            String(UnicodeScalar(UInt32.random(in: 0x4E00...0x9FFF, using: &rng))!)  // !: all ideographs.
        }
        let cjkZipf = ZipfSampler(count: cjk.count, exponent: 1.0)
        var index = 0
        while jsonl.count < bytes {
            let isCJK = Int.random(in: 0..<5, using: &rng) == 0
            let length = Int(exp(Double.random(in: log(200.0)...log(20_000.0), using: &rng)))
            var text = ""
            while text.utf8.count < length {
                text +=
                    isCJK
                    ? Self.cjkSentence(cjk, cjkZipf, &rng) : Self.latinSentence(words, wordZipf, &rng)
            }
            appendLine(index: index, text: text, isCJK: isCJK, rng: &rng)
            index += 1
        }
    }

    private mutating func appendLine(index: Int, text: String, isCJK: Bool, rng: inout SplitMix64) {
        let score = Double(Int.random(in: 0..<10_000, using: &rng)) / 10_000
        let line =
            "{\"id\":\"doc-\(index)\",\"text\":\(Self.quoted(text, asciiOnly: index % 33 == 0)),"
            + "\"url\":\"https://example\(index % 97).org/p/\(index)\",\"date\":\"2024-05-\(10 + index % 18)\","
            + "\"score\":\(score)}"
        let start = jsonl.count
        jsonl.append(contentsOf: line.utf8)
        lines.append(start..<jsonl.count)
        jsonl.append(0x0A)
        self.text.append(contentsOf: text.utf8)
        if isCJK { cjkText.append(contentsOf: text.utf8) } else { latinText.append(contentsOf: text.utf8) }
    }

    private static func vocabulary(count: Int, rng: inout SplitMix64) -> [String] {
        let onsets = [
            "", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
            "br", "ch", "dr", "fr", "gr", "pl", "pr", "sh", "st", "th", "tr", "str", "qu",
        ]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ie", "ou", "oa", "y"]
        let codas = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ck", "rt"]
        var seen: Set<String> = []
        var words: [String] = []
        while words.count < count {
            let syllables = Int.random(in: 1...(words.count < 60 ? 1 : words.count < 1500 ? 2 : 3), using: &rng)
            var word = ""
            for _ in 0..<syllables {
                word +=
                    onsets.randomElement(using: &rng)! + vowels.randomElement(using: &rng)!  // !: non-empty.
                    + codas.randomElement(using: &rng)!
            }
            if seen.insert(word).inserted { words.append(word) }
        }
        return words
    }

    private static func latinSentence(_ words: [String], _ zipf: ZipfSampler, _ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 4...30, using: &rng)
        var parts = (0..<count).map { _ in words[zipf.sample(&rng)] }
        parts[0] = parts[0].prefix(1).uppercased() + parts[0].dropFirst()
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<4: parts[count / 2] = "\"" + parts[count / 2] + "\""
        case 4..<6: parts.append("café — 😀")
        case 6..<8: parts.append("C:\\path\ttab")
        default: break
        }
        let end = [". ", ". ", "? ", "! ", ".\n", ".\n\n"].randomElement(using: &rng)!  // !: non-empty.
        return parts.joined(separator: " ") + end
    }

    private static func cjkSentence(_ chars: [String], _ zipf: ZipfSampler, _ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 8...40, using: &rng)
        return (0..<count).map { _ in chars[zipf.sample(&rng)] }.joined()
            + ["。", "，", "！", "？", "。\n"].randomElement(using: &rng)!  // !: non-empty.
    }

    /// A JSON string token; with `asciiOnly`, non-ASCII scalars become `\u` escapes.
    private static func quoted(_ text: String, asciiOnly: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u00" + hex(scalar.value, width: 2)
            case _ where asciiOnly && scalar.value > 0x7F:
                for unit in String(scalar).utf16 { out += "\\u" + hex(UInt32(unit), width: 4) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
