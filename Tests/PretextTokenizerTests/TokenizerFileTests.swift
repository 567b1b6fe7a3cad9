import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextTokenizer

/// Tokenizers trained here are written as HF writes them, byte for byte.
@Suite struct TokenizerFileTests {
    @Test func aTrainedByteLevelBPEFileIsHFsFile() throws {
        let trainer = BPETrainer(
            vocabSize: 1000, minFrequency: 2, specialTokens: ["<|endoftext|>"], initialAlphabet: ByteLevel.characters)
        let result = trainer.train(BPEGoldenTests.wordCounts)
        let tokenizer = try Tokenizer.byteLevelBPE(
            vocabulary: result.vocabulary, merges: result.merges, specialTokens: ["<|endoftext|>"])
        let golden = try String(contentsOfFile: Golden.path("bpe-tokenizer.json"), encoding: .utf8)
        #expect(TokenizerFile.json(tokenizer) == golden)
    }

    /// Training through `TokenizerTraining` (the tokenizer stage's path: words counted with the
    /// pattern, trained, written) gives HF's file.
    @Test(arguments: [("bpe-cl100k-tokenizer.json", 1000), ("bpe-cl100k-tokenizer-vs300.json", 300)])
    func aTrainedCL100KFileIsHFsFile(_ file: String, _ vocabSize: Int) throws {
        let training = TokenizerTraining(kind: .bpe, vocabSize: vocabSize, minFrequency: 2, pattern: .cl100k)
        var counts = WordCounts()
        for text in Golden.corpus { training.countWords(of: text, into: &counts) }
        let tokenizer = try training.train(counts)
        #expect(tokenizer.preTokenizer == .splitByteLevel(pattern: .cl100k))
        let golden = try String(contentsOfFile: Golden.path(file), encoding: .utf8)
        #expect(TokenizerFile.json(tokenizer) == golden)
        #expect(TokenizerFile.json(try TokenizerFile.read(Golden.path(file))) == golden, "read and written back")
    }

    @Test func aPrefixSpaceNeedsGPT2sPattern() {
        let training = TokenizerTraining(kind: .bpe, addPrefixSpace: true, pattern: .cl100k)
        #expect(throws: PretextError.self) { try training.check() }
        #expect(throws: PretextError.self) {
            try Tokenizer.byteLevelBPE(
                vocabulary: ["a"], merges: [], specialTokens: [], addPrefixSpace: true, pattern: .cl100k)
        }
    }

    /// GPT-2's regex in a `Split` (HF gives the same encodings as its `ByteLevel` splitting) is
    /// written and read back as such.
    @Test func gpt2sPatternInASplitReadsBack() throws {
        let directory = try TemporaryDirectory()
        let gpt2 = try TokenizerFile.read(Golden.path("bpe-tokenizer.json"))
        let split = Tokenizer(
            model: gpt2.model, preTokenizer: .splitByteLevel(pattern: .gpt2), addedTokens: gpt2.addedTokens)
        try TokenizerFile.write(split, to: directory.file("t.json"))
        let again = try TokenizerFile.read(directory.file("t.json"))
        #expect(again.preTokenizer == .splitByteLevel(pattern: .gpt2))
        for text in Golden.lines("encodings.jsonl").map({ $0["text"] as! String }).prefix(40) {
            #expect(again.encode(text) == gpt2.encode(text), "\(text.prefix(30))")
        }
    }

    @Test func aTrainedWordPieceFileIsHFsFile() throws {
        var counts: [String: UInt64] = [:]
        for text in Golden.corpus {
            for word in WordPieceTrainer.words(of: text, normalizer: BertNormalizer()) { counts[word, default: 0] += 1 }
        }
        let trainer = WordPieceTrainer(vocabSize: 1000, minFrequency: 2)
        let tokenizer = try Tokenizer.wordPiece(try trainer.train(counts), specialTokens: trainer.bpe.specialTokens)
        let golden = try String(contentsOfFile: Golden.path("wordpiece-tokenizer.json"), encoding: .utf8)
        #expect(TokenizerFile.json(tokenizer) == golden)
    }

    @Test func writtenFilesReadBack() throws {
        let directory = try TemporaryDirectory()
        let original = try TokenizerFile.read(Golden.path("bpe-tokenizer-vs300.json"))
        try TokenizerFile.write(original, to: directory.file("t.json"))
        let again = try TokenizerFile.read(directory.file("t.json"))
        let text = "Round trip: 東京 😀 tabs\tand  spaces"
        #expect(again.encode(text) == original.encode(text))
        #expect(again.decode(again.encode(text).ids) == text)
    }

    @Test(arguments: [
        (#"{"model": {"type": "Unigramish", "vocab": []}}"#, "model type 'Unigramish' is not supported"),
        (
            #"{"model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "Whitespace"}}"#,
            "pre_tokenizer type 'Whitespace' is not supported"
        ),
        (
            #"{"model": {"type": "BPE", "vocab": {"a": 0, "b": 0}}, "pre_tokenizer": {"type": "ByteLevel"}}"#,
            "ids must run from 0"
        ),
        (
            #"{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": [["a", "z"]]}, "pre_tokenizer": {"type": "ByteLevel"}}"#,
            "merge 0 names a token outside the vocabulary"
        ),
        (#"[1, 2]"#, "a tokenizer file is a JSON object"),
        (
            #"{"model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "Split", "pattern": {"Regex": "\\s+"}, "behavior": "Isolated", "invert": false}, {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": false}]}}"#,
            "pre_tokenizer: the Sequence supported is Split"
        ),
        (
            #"{"model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "Sequence", "pretokenizers": [\#(TokenizerFileTests.split("Removed")), \#(TokenizerFileTests.byteLevel(false))]}}"#,
            "pre_tokenizer: the Sequence supported is Split"
        ),
        (
            #"{"model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "Sequence", "pretokenizers": [\#(TokenizerFileTests.split("Isolated")), \#(TokenizerFileTests.byteLevel(true))]}}"#,
            "pre_tokenizer: the Sequence supported is Split"
        ),
        (
            #"{"model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "Sequence", "pretokenizers": [\#(TokenizerFileTests.split("Isolated"))]}}"#,
            "pre_tokenizer: the Sequence supported is Split"
        ),
        (
            #"{"model": {"type": "WordPiece", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "BertPreTokenizer"}}"#,
            "the unknown token '[UNK]' is not in the vocabulary"
        ),
        (
            #"{"added_tokens": [{"id": 4294967296, "content": "<x>"}], "model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "ByteLevel"}}"#,
            "added_tokens: id 4294967296 does not fit 32-bit token ids"
        ),
        (
            #"{"added_tokens": [{"id": 1, "content": "<x>"}, {"id": 2, "content": "<x>"}], "model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "ByteLevel"}}"#,
            "added_tokens: '<x>' (id 2) is listed twice"
        ),
        (
            #"{"added_tokens": [{"id": 1, "content": "<x>"}, {"id": 1, "content": "<y>"}], "model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "ByteLevel"}}"#,
            "added_tokens: '<y>' (id 1) has the id of the added token '<x>'"
        ),
        (
            #"{"added_tokens": [{"id": 0, "content": "<x>"}], "model": {"type": "BPE", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "ByteLevel"}}"#,
            "added_tokens: '<x>' (id 0) has the id of the model's token 'a'"
        ),
        (
            #"{"added_tokens": [{"id": 2, "content": "b"}], "model": {"type": "BPE", "vocab": {"a": 0, "b": 1}}, "pre_tokenizer": {"type": "ByteLevel"}}"#,
            "added_tokens: 'b' (id 2) is token 1 of the model's vocabulary"
        ),
    ])
    func badFilesNameTheFileAndWhatIsWrong(_ text: String, _ message: String) throws {
        // A Sequence pre-tokenizer other than cl100k's (or GPT-2's) Split then ByteLevel is refused.
        // Added tokens must not collide with each other or the vocabulary; ids must fit 32 bits.
        let directory = try TemporaryDirectory()
        let path = try directory.write("tokenizer.json", text)
        let error = try #require(throws: PretextError.self) { try TokenizerFile.read(path) }
        #expect(error.path == path && error.message.contains(message), "\(error)")
    }

    /// A `Split` pre-tokenizer of cl100k's pattern with `behavior`, as JSON.
    static func split(_ behavior: String) -> String {
        var pattern = ""
        PrettyJSON.quote(SplitPattern.cl100k.regex, to: &pattern)
        return #"{"type": "Split", "pattern": {"Regex": \#(pattern)}, "behavior": "\#(behavior)", "invert": false}"#
    }

    /// A `ByteLevel` pre-tokenizer without a regex of its own, as JSON.
    static func byteLevel(_ addPrefixSpace: Bool) -> String {
        #"{"type": "ByteLevel", "add_prefix_space": \#(addPrefixSpace), "trim_offsets": true, "use_regex": false}"#
    }
}
