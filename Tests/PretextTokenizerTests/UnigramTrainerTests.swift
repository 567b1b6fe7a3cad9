import Foundation
import PretextCore
import Testing

@testable import PretextTokenizer

/// The suffix array and LCP array against sorting suffixes by comparison.
@Suite struct SuffixArrayTests {
    @Test(arguments: [2, 3, 30, 5000])
    func inducedSortingEqualsComparisonSorting(_ alphabet: Int) {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 7, 8, 9, 50, 300, 2000] {
            var text = (0..<length).map { _ in UInt32.random(in: 0..<UInt32(alphabet), using: &generator) }
            // Repeats make deep LMS recursion.
            if length > 20 { text += text.prefix(length / 2) + text.prefix(length / 3) }
            let sa = text.withUnsafeBufferPointer { SuffixArray.make($0, upper: alphabet) }
            #expect(sa == SuffixArray.naive(text), "length \(text.count)")
            let lcp = text.withUnsafeBufferPointer { SuffixArray.longestCommonPrefixes($0, sa) }
            for (index, value) in lcp.enumerated() {
                let a = text[Int(sa[index])...]
                let b = text[Int(sa[index + 1])...]
                #expect(Int(value) == zip(a, b).prefix { $0 == $1 }.count)
            }
        }
    }

    @Test func periodicTexts() {
        for text: [UInt32] in [
            Array(repeating: 1, count: 100), (0..<200).map { UInt32($0 % 3) }, [2, 1, 2, 1, 2, 1, 0],
        ] {
            #expect(text.withUnsafeBufferPointer { SuffixArray.make($0, upper: 3) } == SuffixArray.naive(text))
        }
    }
}

/// SentencePiece's piece rules and Metaspace words.
@Suite struct UnigramPieceTests {
    private func valid(_ text: String) -> Bool {
        let scalars = Array(Set(text.unicodeScalars)).sorted { $0.value < $1.value }
        let characters: [Unicode.Scalar] = ["\u{0}", "\u{0}"] + scalars
        let validity = PieceValidity(characters: characters, maxLength: 16)
        let ids = text.unicodeScalars.map { UInt32(characters.firstIndex(of: $0)!) }
        return ids.withUnsafeBufferPointer { validity.isValid($0) }
    }

    @Test func piecesKeepToOneScriptAndStartWithTheirSpace() {
        for text in [
            "▁the", "the", "▁", "3.14", "1,000", "东京", "すし", "カレー", "漢字かな", "\n\n", "▁\n", "café", "e\u{301}t",
        ] {
            #expect(valid(text), "\(text)")
        }
        for text in ["a▁b", "the▁", "▁▁", "a1", "word.", "东京a", "\n.", "a\n", String(repeating: "a", count: 17)] {
            #expect(!valid(text), "\(text)")
        }
    }

    @Test func trainingWordsEqualTheEncodersWords() {
        let texts = ["Hello world", " leading", "a  b", "trailing ", "", " ", "already▁has", "今天天气很好", "x\ny z"]
        for text in texts {
            var fast: [String] = []
            var copy = text
            copy.withUTF8 { raw in
                Metaspace.forEachWord(UnsafeRawBufferPointer(raw)) { fast.append(String(decoding: $0, as: UTF8.self)) }
            }
            let metaspace = Metaspace()
            let normalized = metaspace.apply(NormalizedText(text), atStart: true)
            let plain = metaspace.words(normalized).map { String(String.UnicodeScalarView(normalized.scalars[$0])) }
            #expect(fast == plain, "\(text)")
        }
    }
}

/// Training on the golden corpus: a vocabulary like SentencePiece's, the same whatever the
/// threads and word order, and a tokenizer that round-trips with byte fallback.
@Suite struct UnigramTrainerTests {
    private static func counts(_ texts: [String]) -> WordCounts {
        var counts = WordCounts()
        let training = TokenizerTraining(kind: .unigram)
        for text in texts { training.countWords(of: text, into: &counts) }
        return counts
    }

    private static func train(
        _ texts: [String] = Golden.corpus, vocabSize: Int = 3000, threads: Int = 2, byteFallback: Bool = false
    ) throws -> Tokenizer {
        var training = TokenizerTraining(kind: .unigram, vocabSize: vocabSize)
        training.threads = threads
        training.unigram.byteFallback = byteFallback
        return try training.train(counts(texts))
    }

    /// SentencePiece's vocabulary of the same corpus and settings (`spm-unigram-vocab.tsv`).
    private static let sentencePiece: [String] = {
        let text = try! String(contentsOfFile: Golden.path("spm-unigram-vocab.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }()

    @Test func vocabularyIsCloseToSentencePieces() throws {
        let tokenizer = try Self.train()
        #expect(tokenizer.vocabularySize == 3000)
        #expect(Array(tokenizer.vocabulary.prefix(3)) == ["<unk>", "<s>", "</s>"])
        let shared = Set(tokenizer.vocabulary).intersection(Self.sentencePiece).count
        // HF's and SentencePiece's own vocabularies share 2575 of 3000.
        #expect(shared >= 2300, "shared with SentencePiece: \(shared)")
        guard case .unigram(let model) = tokenizer.model else { return #expect(Bool(false)) }
        let scores = model.scores.dropFirst(3)
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 }, "pieces by decreasing score")
        // Tokens per character: SentencePiece 0.452 on this corpus (spm-unigram-stats.json).
        let tokens = Golden.corpus.reduce(0) { $0 + tokenizer.encode($1).ids.count }
        let characters = Golden.corpus.reduce(0) { $0 + $1.unicodeScalars.count }
        let fertility = Double(tokens) / Double(characters)
        #expect(abs(fertility - 0.452) < 0.02, "tokens per character \(fertility)")
    }

    @Test func resultDoesNotDependOnThreadsOrWordOrder() throws {
        let reference = TokenizerFile.json(try Self.train(vocabSize: 2500, threads: 1))
        #expect(TokenizerFile.json(try Self.train(vocabSize: 2500, threads: 2)) == reference)
        #expect(TokenizerFile.json(try Self.train(Golden.corpus.reversed(), vocabSize: 2500, threads: 3)) == reference)
    }

    @Test func byteFallbackRoundTripsAndAvoidsUnknown() throws {
        let tokenizer = try Self.train(vocabSize: 3300, byteFallback: true)
        #expect(tokenizer.vocabulary[3] == "<0x00>" && tokenizer.vocabulary[258] == "<0xFF>")
        for text in Golden.corpus + ["Ωμέγα ⚗️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "tab\there", "🧪🧪 x"] where !text.hasPrefix(" ") {
            let ids = tokenizer.encode(text).ids
            #expect(!ids.contains(0), "no <unk>: \(text.prefix(20))")
            #expect(tokenizer.decode(ids) == text, "\(text.prefix(20))")
        }
        // Written and read back, it is the same tokenizer.
        let json = TokenizerFile.json(tokenizer)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unigram-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try TokenizerFile.write(tokenizer, to: directory + "/tokenizer.json")
        #expect(TokenizerFile.json(try TokenizerFile.read(directory + "/tokenizer.json")) == json)
    }

    @Test func settingsThatCannotWorkAreErrors() throws {
        #expect(throws: Error.self) { try Self.train(vocabSize: 500) }  // 1800+ characters to cover
        var training = TokenizerTraining(kind: .unigram, vocabSize: 3000, specialTokens: ["<s>", "</s>"])
        #expect(throws: Error.self) { try training.train(Self.counts(Golden.corpus)) }
        training.specialTokens = []
        #expect(try training.train(Self.counts([])).vocabularySize == 3)
    }

    @Test(arguments: [
        (TokenizerKind.unigram, ["<unk>", "<s>", "<unk>"], "special_tokens: '<unk>' is given twice"),
        (.bpe, ["<|endoftext|>", ""], "special_tokens: token 2 is empty"),
        (.unigram, ["<unk>", "<0x0A>"], "special_tokens: '<0x0A>' collides with the byte piece"),
        (.wordpiece, ["[PAD]", "[CLS]"], "a WordPiece tokenizer needs [UNK]"),
        (.unigram, ["<s>", "</s>"], "needs its unknown token '<unk>'"),
    ])
    func specialTokensThatCollideAreErrors(_ kind: TokenizerKind, _ specials: [String], _ message: String) throws {
        var training = TokenizerTraining(kind: kind, vocabSize: 1000, specialTokens: specials)
        training.unigram.byteFallback = true
        let error = try #require(throws: PretextError.self) { try training.check() }
        #expect(error.message.contains(message), "\(error)")
        training.unigram.byteFallback = false
        if specials.contains("<0x0A>") { try training.check() }  // a plain token without byte fallback
    }
}
