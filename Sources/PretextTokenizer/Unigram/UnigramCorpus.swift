/// The Unigram trainer's words in dense character ids: the characters that cover the corpus
/// (SentencePiece's `character_coverage`) numbered from 2 in code point order, every rarer
/// character as `unknown`, and each word followed by `boundary`. The suffix array of the seeds
/// and the EM rounds both read this one buffer.
struct UnigramCorpus: Sendable {
    /// Ends every word in `symbols`.
    static let boundary: UInt32 = 0
    /// Stands for every character left out by the coverage.
    static let unknown: UInt32 = 1

    /// The words' symbols, each word followed by `boundary`.
    private(set) var symbols: [UInt32] = []
    /// Where each word starts in `symbols`; `starts[i + 1] - 1` is where it ends.
    private(set) var starts: [Int] = []
    /// How many times each word occurs.
    private(set) var counts: [UInt64] = []
    /// The character of each dense id (ids 0 and 1 hold placeholders).
    private(set) var characters: [Unicode.Scalar] = ["\u{0}", "\u{0}"]
    /// The occurrences of each dense id's character, weighted by word counts.
    private(set) var characterCounts: [UInt64] = [0, 0]

    /// The number of words.
    var wordCount: Int { counts.count }

    /// The symbols of word `index` (without its boundary).
    func word(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] - 1 }

    /// The corpus of `words`, keeping the most frequent characters that together make at least
    /// `coverage` of all character occurrences (1: all of them).
    init(_ words: WordCounts, coverage: Double) {
        var scalarCounts = [UInt64](repeating: 0, count: 0x11_0000)
        var total: UInt64 = 0
        var length = 0
        words.forEach { bytes, count in
            UTF8Scalars.forEach(in: bytes) { scalar in
                scalarCounts[Int(scalar)] &+= count
                total &+= count
                length += 1
            }
            length += 1
        }
        let required = Self.requiredCharacters(scalarCounts, total: total, coverage: coverage)
        var dense = [UInt32](repeating: Self.unknown, count: 0x11_0000)
        for scalar in required.sorted() {
            dense[Int(scalar)] = UInt32(characters.count)
            characters.append(Unicode.Scalar(scalar)!)
            characterCounts.append(scalarCounts[Int(scalar)])
        }
        symbols.reserveCapacity(length)
        starts.reserveCapacity(words.count + 1)
        counts.reserveCapacity(words.count)
        words.forEach { bytes, count in
            starts.append(symbols.count)
            UTF8Scalars.forEach(in: bytes) { symbols.append(dense[Int($0)]) }
            symbols.append(Self.boundary)
            counts.append(count)
        }
        starts.append(symbols.count)
    }

    /// SentencePiece's rule: characters by count (then code point), taken until the ones taken
    /// reach `coverage` of `total`.
    private static func requiredCharacters(_ counts: [UInt64], total: UInt64, coverage: Double) -> [UInt32] {
        var present: [(scalar: UInt32, count: UInt64)] = []
        for (scalar, count) in counts.enumerated() where count > 0 { present.append((UInt32(scalar), count)) }
        present.sort { $0.count != $1.count ? $0.count > $1.count : $0.scalar < $1.scalar }
        var accumulated: UInt64 = 0
        var required: [UInt32] = []
        for entry in present {
            if coverage < 1, Double(accumulated) / Double(max(total, 1)) >= coverage { break }
            accumulated += entry.count
            required.append(entry.scalar)
        }
        return required
    }

    /// The dense id of `scalar`, or `unknown`.
    func id(of scalar: Unicode.Scalar) -> UInt32 {
        // Ids are in code point order: binary search.
        var low = 2
        var high = characters.count
        while low < high {
            let middle = (low + high) / 2
            if characters[middle].value < scalar.value { low = middle + 1 } else { high = middle }
        }
        return low < characters.count && characters[low] == scalar ? UInt32(low) : Self.unknown
    }

    /// The text of dense `symbols`.
    func string(_ symbols: some Sequence<UInt32>) -> String {
        var text = String.UnicodeScalarView()
        for symbol in symbols { text.append(characters[Int(symbol)]) }
        return String(text)
    }
}
