import Testing

@testable import PretextTokenizer

/// Byte-level BPE trained and applied here gives what HF tokenizers gives on the same texts.
@Suite struct BPEGoldenTests {
    /// The byte-level word counts of the golden corpus (GPT-2 pieces in the byte alphabet).
    static let wordCounts = wordCounts(.gpt2)
    /// The same with cl100k's pieces.
    static let cl100kWordCounts = wordCounts(.cl100k)

    private static func wordCounts(_ pattern: SplitPattern) -> [String: UInt64] {
        var counts: [String: UInt64] = [:]
        for var text in Golden.corpus {
            text.withUTF8 { raw in
                let bytes = UnsafeRawBufferPointer(raw)
                pattern.forEachPiece(bytes) { counts[ByteLevel.text(bytes[$0]), default: 0] += 1 }
            }
        }
        return counts
    }

    @Test(arguments: [
        ("bpe-tokenizer.json", 1000, UInt64(2), 4096), ("bpe-tokenizer-vs300.json", 300, UInt64(2), 4096),
        ("bpe-tokenizer-minfreq1.json", 1000, UInt64(0), 4096),
        // Every merge split over two threads: the same result.
        ("bpe-tokenizer.json", 1000, UInt64(2), 1), ("bpe-tokenizer-vs300.json", 300, UInt64(2), 2),
    ])
    func trainingGivesHFsVocabularyAndMerges(_ file: String, _ vocabSize: Int, _ minFrequency: UInt64, _ parallel: Int)
    {
        var trainer = BPETrainer(
            vocabSize: vocabSize, minFrequency: minFrequency, specialTokens: ["<|endoftext|>"],
            initialAlphabet: ByteLevel.characters)
        trainer.parallelWords = parallel
        let result = trainer.train(Self.wordCounts)
        #expect(result.vocabulary == Golden.vocabulary(file))
        let merges = result.merges.map { "\(result.vocabulary[Int($0.left)]) \(result.vocabulary[Int($0.right)])" }
        #expect(merges == Golden.merges(file))
    }

    @Test(arguments: [("bpe-cl100k-tokenizer.json", 1000), ("bpe-cl100k-tokenizer-vs300.json", 300)])
    func trainingOnCL100KPiecesGivesHFsVocabularyAndMerges(_ file: String, _ vocabSize: Int) {
        let trainer = BPETrainer(
            vocabSize: vocabSize, minFrequency: 2, specialTokens: ["<|endoftext|>"],
            initialAlphabet: ByteLevel.characters)
        let result = trainer.train(Self.cl100kWordCounts)
        #expect(result.vocabulary == Golden.vocabulary(file))
        let merges = result.merges.map { "\(result.vocabulary[Int($0.left)]) \(result.vocabulary[Int($0.right)])" }
        #expect(merges == Golden.merges(file))
        #expect(Self.cl100kWordCounts != Self.wordCounts, "the two patterns split the corpus differently")
    }
}

/// Encoding with a tokenizer file HF wrote gives HF's ids, tokens and offsets.
@Suite struct BPEEncodingGoldenTests {
    @Test(arguments: [
        "bpe-tokenizer.json", "bpe-tokenizer-vs300.json", "bpe-tokenizer-minfreq1.json", "bpe-cl100k-tokenizer.json",
        "bpe-cl100k-tokenizer-vs300.json",
    ])
    func encodingsMatchHF(_ file: String) throws {
        let tokenizer = try TokenizerFile.read(Golden.path(file))
        let probes = Golden.lines("encodings.jsonl").filter { $0["tokenizer"] as? String == file }
        #expect(probes.count > 20)
        for probe in probes {
            let text = probe["text"] as! String
            let encoding = tokenizer.encode(text)
            let label = String(text.prefix(30))
            #expect(encoding.ids == (probe["ids"] as! [Int]).map(UInt32.init), "\(label)")
            #expect(encoding.tokens == probe["tokens"] as! [String], "\(label)")
            let offsets = (probe["offsets"] as! [[Int]]).map { $0[0]..<$0[1] }
            #expect(encoding.offsets == offsets, "\(label)")
            #expect(tokenizer.decode(encoding.ids) == text, "byte-level round trip: \(label)")
        }
    }
}

/// The fast ids-only encoder (pieces cached) gives what the full encoder gives.
@Suite struct TokenEncoderTests {
    @Test(arguments: [
        "bpe-tokenizer.json", "bpe-tokenizer-vs300.json", "wordpiece-tokenizer.json", "unigram-tokenizer.json",
        "unigram-bytefallback-tokenizer.json", "bpe-cl100k-tokenizer.json", "bpe-cl100k-tokenizer-vs300.json",
    ])
    func fastIDsEqualTheFullEncoding(_ file: String) throws {
        let tokenizer = try TokenizerFile.read(Golden.path(file))
        var encoder = TokenEncoder(tokenizer)
        let texts = Self.texts
        for _ in 0..<2 {
            for text in texts {
                #expect(encoder.ids(of: text) == tokenizer.encode(text).ids, "\(text.prefix(30))")
            }
        }
        #expect(tokenizer.encodeBatch(texts, threads: 2) == texts.map { tokenizer.encode($0).ids })
        #expect(encoder.ids(of: "a<|endoftext|>b") == tokenizer.encode("a<|endoftext|>b").ids)
    }

    @Test(arguments: ["bpe-tokenizer.json", "unigram-tokenizer.json", "bpe-cl100k-tokenizer.json"])
    func aCacheThatFillsAndStartsOverChangesNoID(_ file: String) throws {
        let tokenizer = try TokenizerFile.read(Golden.path(file))
        var encoder = TokenEncoder(tokenizer, cacheCapacity: 5)
        for _ in 0..<3 {
            for text in Self.texts {
                #expect(encoder.ids(of: text) == tokenizer.encode(text).ids, "\(text.prefix(30))")
            }
        }
    }

    /// The probes of both encoding golden files, the corpus, and special tokens between words.
    private static let texts =
        Golden.lines("encodings.jsonl").map { $0["text"] as! String }
        + Golden.lines("unigram-encodings.jsonl").map { $0["text"] as! String } + Golden.corpus
        + ["<s>", "a<s>b </s> c", " <unk>  x", "▁▁a ▁b", "</s>東京"]

    @Test(arguments: [Metaspace.PrependScheme.always, .first, .never])
    func fastUnigramIDsFollowThePrependScheme(_ scheme: Metaspace.PrependScheme) throws {
        let golden = try TokenizerFile.read(Golden.path("unigram-tokenizer.json"))
        let tokenizer = Tokenizer(
            model: golden.model, preTokenizer: .metaspace(Metaspace(prependScheme: scheme)),
            addedTokens: golden.addedTokens)
        var encoder = TokenEncoder(tokenizer)
        for text in Self.texts {
            #expect(encoder.ids(of: text) == tokenizer.encode(text).ids, "\(text.prefix(30))")
        }
    }
}
