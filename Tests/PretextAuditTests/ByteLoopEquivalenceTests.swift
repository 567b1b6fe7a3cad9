import PretextCore
import Testing

@testable import PretextAudit

/// The fast byte loops (interleaved automaton scan, SWAR sentence splitting, ASCII skipping in
/// case folding) against private copies of the plain loops they replaced, on seeded text that
/// mixes ASCII words, stops, line breaks, CJK, other UTF-8, invalid and truncated sequences.
@Suite struct ByteLoopEquivalenceTests {
    // MARK: - Generated input

    /// Pieces of text, each valid or deliberately broken UTF-8.
    static let pieces: [[UInt8]] = {
        let strings = [
            "she", "He", "NURSE", "engineer", "a", "b", "ab", "x1", "42", "0", "Zz", "women's", "new york",
            " ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", ".", "!", "?", ". ", "! ", "? ", ".\n", "...", ",", ";",
            "-", "'", "@", "[", "`", "{", "/", ":", "\u{7F}", "\u{0}",
            "她", "是", "护士", "。", "！", "？", "；", "，", "她是护士。", "他的", "ひらがな", "カタ",
            "é", "É", "Д", "д", "ß", "İ", "Σ", "😀", "👩‍⚕️", "\u{2019}", "\u{3000}", "\u{FF01}",
        ]
        let broken: [[UInt8]] = [
            [0x80], [0xBF], [0xFF], [0xFE], [0xC3], [0xC0, 0x80], [0xE4, 0xB8], [0xE3, 0x80], [0xE3],
            [0xEF, 0xBC], [0xEF], [0xEF, 0xBC, 0x20], [0xF0, 0x9F], [0xF0, 0x9F, 0x98], [0xE9, 0x0A, 0x2E],
            [0xED, 0xA0, 0x80], [0xC4, 0xB0], [0xF4, 0x90, 0x80, 0x80],
        ]
        return strings.map { Array($0.utf8) } + broken
    }()

    /// Seeded text of exactly `length` bytes (cut wherever that falls, mid-character too).
    static func text(_ length: Int, _ random: inout SplitMix64, pieces: [[UInt8]] = pieces) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length + 16)
        // Runs of plain ASCII words now and then, so that the fast paths see long stretches.
        while bytes.count < length {
            if random.next() % 8 == 0 {
                for _ in 0..<(1 + random.next() % 30) {
                    let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                    let word = (0..<(1 + random.next() % 9)).map { _ in letters.utf8.randomElement(using: &random)! }
                    bytes += word + [0x20]
                }
            } else {
                bytes += pieces[Int(random.next() % UInt64(pieces.count))]
            }
        }
        return Array(bytes.prefix(length))
    }

    /// Lengths 0 to 2,000, with the small ones (the tails of the 8-byte loops) over-represented.
    static func length(_ random: inout SplitMix64) -> Int {
        random.next() % 3 == 0 ? Int(random.next() % 24) : Int(random.next() % 2_001)
    }

    // MARK: - Character kinds

    @Test func theKindTableAgreesWithTheCategoriesOnEveryBMPScalar() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ScalarKind(scalar) != ScalarKind.computed(scalar) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(ScalarKind(Unicode.Scalar(0x4E2D)!) == .dictionary && ScalarKind(Unicode.Scalar(0xE9)!) == .word)
        #expect(ScalarKind(Unicode.Scalar(0x301)!) == .mark && ScalarKind(Unicode.Scalar(0xFF0C)!) == .other)
        #expect(ScalarKind(Unicode.Scalar(0x20000)!) == .dictionary)
    }

    @Test func noCharacterOfTheSkippedCJKBlocksChangesWhenLowercased() {
        #expect((UInt32(0x3000)...0x9FFF).allSatisfy { !TermFolding.changesWhenLowercased($0) })
        #expect(TermFolding.changesWhenLowercased(0xC9) && TermFolding.changesWhenLowercased(0xA640))
    }

    @Test(arguments: 0..<4) func appendLowercasedEqualsStringLowercased(seed: UInt64) {
        var random = SplitMix64(seed: seed &+ 300)
        let valid =
            Self.pieces.filter { String(validating: $0, as: UTF8.self) != nil }
            + ["ÄÖÜ", "İstanbul", "ΣΟΦΙΑ", "ΟΔΟΣ ", "ǅ", "Ⅻ", "ＡＢＣ", "𐐀𐐁", "ẞ"].map { Array($0.utf8) }
        for _ in 0..<2_000 {
            let bytes = Self.text(Self.length(&random), &random, pieces: valid)
            // Cut on a character boundary: drop a trailing partial character.
            let text = String(decoding: bytes, as: UTF8.self)
            let utf8 = Array(text.utf8)
            var output: [UInt8] = []
            let done = utf8.withUnsafeBytes { TermFolding.appendLowercased($0, to: &output) }
            #expect(done)
            // ASCII capitals are left to the matcher: fold them here to compare.
            let folded = output.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            #expect(String(decoding: folded, as: UTF8.self) == text.lowercased())
        }
        for invalid: [UInt8] in [
            [0x41, 0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        ] {
            var output: [UInt8] = []
            #expect(!invalid.withUnsafeBytes { TermFolding.appendLowercased($0, to: &output) }, "\(invalid)")
        }
    }

    // MARK: - Sentence splitter

    @Test(arguments: 0..<8) func sentenceSplitterMatchesTheBytewiseLoop(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for round in 0..<600 {
            let length = round < 590 ? Self.length(&random) : 50_000 + Int(random.next() % 50_000)
            let bytes = Self.text(length, &random)
            #expect(
                Self.sentences(bytes, fast: true) == Self.sentences(bytes, fast: false), "seed \(seed) round \(round)")
        }
    }

    @Test func sentenceSplitterMatchesOnEveryShortAlphabetString() {
        // Every string of up to 4 bytes over a small alphabet, at each lane of a block.
        let alphabet: [UInt8] = [0x61, 0x5A, 0x39, 0x20, 0x2E, 0x0A, 0x21, 0x40, 0xE4, 0xBC, 0xEF, 0xE3]
        var strings: [[UInt8]] = [[]]
        var level: [[UInt8]] = [[]]
        for _ in 0..<4 {
            level = level.flatMap { string in alphabet.map { string + [$0] } }
            strings += level
        }
        var mismatches: [[UInt8]] = []
        for string in strings {
            for padding in 0..<9 {
                let bytes =
                    [UInt8](repeating: 0x62, count: padding) + string + [UInt8](repeating: 0x20, count: 9 - padding)
                if Self.sentences(bytes, fast: true) != Self.sentences(bytes, fast: false) { mismatches.append(bytes) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The splitter's output flattened: start, end and word count of each sentence.
    static func sentences(_ bytes: [UInt8], fast: Bool) -> [Int] {
        bytes.withUnsafeBytes { text in
            var result: [Int] = []
            let body = { (range: Range<Int>, words: Int) in result += [range.lowerBound, range.upperBound, words] }
            if fast {
                SentenceSplitter.forEachSentence(in: text, body)
            } else {
                referenceForEachSentence(in: text, body)
            }
            return result
        }
    }

    // MARK: - Case folding

    @Test(arguments: 0..<4) func needsLowercasingMatchesTheBytewiseLoop(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Mostly ASCII with one non-ASCII piece at a random place, so that both answers occur.
        let ascii = Self.pieces.filter { $0.allSatisfy { $0 < 0x80 } }
        for round in 0..<2_000 {
            var bytes = Self.text(Self.length(&random), &random, pieces: round % 2 == 0 ? ascii : Self.pieces)
            let piece = Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
            bytes.insert(contentsOf: piece, at: Int(random.next() % UInt64(bytes.count + 1)))
            if random.next() % 4 == 0 { bytes.removeLast(Int(random.next() % UInt64(min(bytes.count, 3) + 1))) }
            bytes.withUnsafeBytes { text in
                #expect(TermFolding.needsLowercasing(text) == Self.referenceNeedsLowercasing(text), "\(bytes)")
            }
        }
    }

    // MARK: - Automaton

    /// A few hundred terms: short ones over a small alphabet (overlapping a lot), phrases,
    /// Chinese, other UTF-8, apostrophes, and a few long ones.
    static func terms(_ random: inout SplitMix64) -> [String] {
        func word(_ alphabet: [String], _ lengths: ClosedRange<Int>) -> String {
            let length = lengths.lowerBound + Int(random.next() % UInt64(lengths.count))
            return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
        let latin = ["a", "b", "e", "h", "s"]
        let han = ["她", "是", "护", "士", "他", "的"]
        let other = ["é", "д", "😀", "'", "\u{2019}", "a", "b"]
        var terms: [String] = []
        for index in 0..<300 {
            switch index % 6 {
            case 0, 1: terms.append(word(latin, 1...4))
            case 2: terms.append(word(latin, 1...3) + " " + word(latin, 1...3))
            case 3: terms.append(word(han, 1...3))
            case 4: terms.append(word(other, 1...4))
            default: terms.append(word(latin + han, 6...40))
            }
        }
        return terms
    }

    static func automaton(_ terms: [String]) throws -> TermAutomaton {
        var patterns: [(bytes: [UInt8], pattern: TermPattern)] = []
        for (index, term) in terms.enumerated() { patterns += TermPattern.patterns(for: term, index: Int32(index)) }
        return try TermAutomaton(patterns: patterns)
    }

    static func hits(_ automaton: TermAutomaton, _ bytes: [UInt8]) -> (fast: [Int], slow: [Int]) {
        bytes.withUnsafeBytes { text in
            var fast: [Int] = []
            automaton.scan(text) { fast += [$0, $1] }
            var slow: [Int] = []
            referenceScan(automaton, text) { slow += [$0, $1] }
            return (fast, slow)
        }
    }

    @Test(arguments: 0..<6) func interleavedScanReportsTheSingleChainSequence(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let terms = Self.terms(&random)
        let automaton = try Self.automaton(terms)
        // Text made of the terms' own characters, so that occurrences are dense and cross the
        // segment boundaries, and of the general pieces.
        let termPieces = terms.map { Array($0.utf8) } + [[0x20], [0x41], [0x0A], [0xE4], [0x80]]
        for round in 0..<120 {
            let length =
                round % 3 == 0
                ? Self.length(&random) : TermAutomaton.interleavingThreshold + Int(random.next() % 20_000)
            let bytes = Self.text(length, &random, pieces: round % 2 == 0 ? termPieces : Self.pieces + termPieces)
            let (fast, slow) = Self.hits(automaton, bytes)
            #expect(fast == slow, "seed \(seed) round \(round), length \(length)")
            #expect(round % 3 == 0 || !slow.isEmpty)
        }
    }

    @Test func interleavedScanAtEverySegmentBoundaryOfOneLetter() throws {
        // "a" ... 40 × "a": at every end offset from the 40th on, all 40 terms end, longest first.
        let automaton = try Self.automaton((1...40).map { String(repeating: "a", count: $0) })
        for length in [0, 1, 39, 40, 41, 2_047, 2_048, 2_049, 2_050, 2_051, 4_099, 10_003] {
            let (fast, slow) = Self.hits(automaton, [UInt8](repeating: 0x61, count: length))
            #expect(fast == slow, "length \(length)")
            #expect(slow.count == 2 * (0..<length).reduce(0) { $0 + min($1 + 1, 40) })
        }
        // No patterns at all, and text far longer than the threshold.
        let empty = try TermAutomaton(patterns: [])
        let (fast, slow) = Self.hits(empty, [UInt8](repeating: 0x61, count: 5_000))
        #expect(fast.isEmpty && slow.isEmpty)
    }

    @Test(arguments: 0..<4) func matcherAgreesWithANaiveSearchOnLongText(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let alphabet = Array("abAB .-'1".utf8)
        func word(_ length: Int) -> String {
            String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % 4)] }, as: UTF8.self).lowercased()
        }
        let terms = (0..<40).map { _ in
            random.next() % 3 == 0 ? word(1) + " " + word(2) : word(1 + Int(random.next() % 6))
        }
        let text = (0..<(5_000 + Int(random.next() % 5_000))).map { _ in
            alphabet[Int(random.next() % UInt64(alphabet.count))]
        }
        let matcher = try TermMatcher(terms: terms)
        var matches: [TermMatch] = []
        let boundaries = try WordBoundaries()
        text.withUnsafeBytes { matcher.matches(in: $0, into: &matches, boundaries: boundaries) }
        #expect(matches == TermMatcherPropertyTests.oracle(terms, text))
    }

    // MARK: - References: the loops as they were before the fast paths

    /// `TermAutomaton.scan` before interleaving.
    static func referenceScan(_ automaton: TermAutomaton, _ text: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        automaton.transitions.withUnsafeBufferPointer { table in
            automaton.byteClass.withUnsafeBufferPointer { classes in
                var offset = 0
                for index in 0..<text.count {
                    let entry = table[offset &+ Int(classes[Int(text[index])])]
                    offset = Int(entry & TermAutomaton.offsetMask)
                    if entry & TermAutomaton.outputFlag != 0 {
                        var pattern = automaton.firstOutput[offset / automaton.stride]
                        while pattern >= 0 {
                            found(Int(pattern), index + 1)
                            pattern = automaton.nextOutput[Int(pattern)]
                        }
                    }
                }
            }
        }
    }

    /// `SentenceSplitter.forEachSentence` before the SWAR fast path.
    static func referenceForEachSentence(in text: UnsafeRawBufferPointer, _ body: (Range<Int>, Int) -> Void) {
        var start = 0
        var words = 0
        var inWord = false
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            var step = 1
            var end = -1
            if byte < 0x80 {
                let isWordByte =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                if isWordByte && !inWord { words += 1 }
                inWord = isWordByte
                if byte == 0x0A {
                    end = index + 1
                } else if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                    if index + 1 >= count || text[index + 1] == 0x20 || text[index + 1] == 0x0A { end = index + 1 }
                }
            } else if byte >= 0xE3 && byte <= 0xE9 {
                step = 3
                let second = index + 1 < count ? text[index + 1] : 0
                if byte == 0xE3 && second == 0x80 {
                    if index + 2 < count && text[index + 2] == 0x82 { end = index + 3 }  // 。
                } else {
                    words += 1
                }
                inWord = false
            } else if byte == 0xEF, index + 2 < count, text[index + 1] == 0xBC,
                text[index + 2] == 0x81 || text[index + 2] == 0x9F || text[index + 2] == 0x9B
            {
                step = 3
                end = index + 3  // ！ ？ ；
                inWord = false
            } else {
                if !inWord && byte >= 0xC0 { words += 1 }
                inWord = byte >= 0x80
            }
            index = min(count, index + step)
            if end > 0 {
                if end > start { body(start..<end, words) }
                start = end
                words = 0
                inWord = false
            }
        }
        if start < count { body(start..<count, words) }
    }

    /// `TermFolding.needsLowercasing` before the 8-byte skip (with the property itself in place
    /// of its bit table for the BMP, which is built from that property).
    static func referenceNeedsLowercasing(_ text: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = text.count
        while index < count {
            let lead = text[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
            guard index + length <= count else { return false }
            var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
            for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
            if Unicode.Scalar(value)?.properties.changesWhenLowercased ?? false { return true }
            index += length
        }
        return false
    }
}
