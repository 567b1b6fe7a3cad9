// Unicode normalization throughput (issue 3: NFC/NFKC ≥ 500 MB/s per core on mostly-ASCII
// text), through the library: `UnicodeNormalizer(form:).normalize(utf8:into:)` per document, as
// the normalize stage calls it, with one reused output array.
//
//   swift package --package-path Benchmarks benchmark --target NormalizeBenchmarks
//
// The text is generated (MostlyASCIIText below) and identical, byte for byte, to what
// `scripts/bench/datatrove-text-chain.py unicodedata` generates for the Python reference
// (unicodedata.normalize on the same documents). MB/s = MB per iteration × iterations/s.
import Benchmark
import Pretext

/// Documents of about 4 KB of English-like text in which about one word in `nonASCIIEvery` is
/// non-ASCII: accented Latin (precomposed, and one decomposed: "cafe" + U+0301), typographic
/// quotes and dashes, a ligature and full-width letters (which NFKC folds). With
/// `nonASCIIEvery` 100, almost every document has some non-ASCII, so every document goes
/// through ICU (all-ASCII documents are copied without it).
struct MostlyASCIIText {
    static let words = [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be",
        "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have",
        "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has",
        "there", "been", "if", "more", "when", "will", "would", "who", "so", "no", "people",
        "water", "history", "information", "government", "development", "between", "important",
        "example", "national", "university", "following", "community", "different", "system",
    ]
    static let nonASCII = [
        "café", "naïve", "résumé", "\u{201C}quoted\u{201D}", "it\u{2019}s", "\u{2014}", "über",
        "cafe\u{0301}", "\u{FB01}ne", "\u{FF21}\u{FF22}\u{FF23}", "Zürich", "coöperate",
    ]

    let documents: [[UInt8]]
    var bytes: Int { documents.reduce(0) { $0 + $1.count } }

    init(totalBytes: Int, documentBytes: Int = 4_000, nonASCIIEvery: UInt64 = 100, seed: UInt64 = 42) {
        let words = Self.words.map { Array($0.utf8) }
        let other = Self.nonASCII.map { Array($0.utf8) }
        var rng = SplitMix64(seed: seed)
        var documents: [[UInt8]] = []
        var total = 0
        while total < totalBytes {
            var document: [UInt8] = []
            while document.count < documentBytes {
                let r = rng.next()
                if nonASCIIEvery > 0 && r % nonASCIIEvery == 0 {
                    document += other[Int((r >> 8) % UInt64(other.count))]
                } else {
                    document += words[Int((r >> 8) % UInt64(words.count))]
                }
                let separator = (r >> 32) % 97
                document += separator == 0 ? Array(".\n".utf8) : separator < 9 ? Array(". ".utf8) : [0x20]
            }
            total += document.count
            documents.append(document)
        }
        self.documents = documents
    }
}

nonisolated(unsafe) let mostlyASCII = MostlyASCIIText(totalBytes: 8 << 20)
nonisolated(unsafe) let allASCII = MostlyASCIIText(totalBytes: 8 << 20, nonASCIIEvery: 0)

func mb(_ bytes: Int) -> String { String(Double(bytes / 10_000) / 100) + " MB" }

func normalizeAll(_ text: MostlyASCIIText, _ normalizer: UnicodeNormalizer, _ output: inout [UInt8]) throws -> Int {
    var total = 0
    for document in text.documents {
        try document.withUnsafeBytes { try normalizer.normalize(utf8: $0, into: &output) }
        total += output.count
    }
    return total
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 100)

    for (form, name) in [(UnicodeNormalizer.Form.nfc, "NFC"), (.nfkc, "NFKC")] {
        Benchmark("UnicodeNormalizer \(name), mostly-ASCII 4 KB documents, \(mb(mostlyASCII.bytes))") { benchmark in
            let normalizer = UnicodeNormalizer(form: form)
            var output: [UInt8] = []
            for _ in benchmark.scaledIterations {
                blackHole(try normalizeAll(mostlyASCII, normalizer, &output))
            }
        }
    }

    Benchmark("UnicodeNormalizer NFC, all-ASCII 4 KB documents, \(mb(allASCII.bytes))") { benchmark in
        let normalizer = UnicodeNormalizer(form: .nfc)
        var output: [UInt8] = []
        for _ in benchmark.scaledIterations {
            blackHole(try normalizeAll(allASCII, normalizer, &output))
        }
    }

    Benchmark("UnicodeNormalizer NFC isNormalized, mostly-ASCII 4 KB documents, \(mb(mostlyASCII.bytes))") {
        benchmark in
        let normalizer = UnicodeNormalizer(form: .nfc)
        for _ in benchmark.scaledIterations {
            var normalized = 0
            for document in mostlyASCII.documents {
                if try document.withUnsafeBytes({ try normalizer.isNormalized(utf8: $0) }) { normalized += 1 }
            }
            blackHole(normalized)
        }
    }
}
