import Testing

@testable import PretextTokenizer

/// WordPiece trained and applied here gives what HF tokenizers gives on the same texts.
@Suite struct WordPieceGoldenTests {
    @Test(arguments: [("wordpiece-tokenizer.json", 1000), ("wordpiece-tokenizer-vs300.json", 300)])
    func trainingGivesHFsVocabulary(_ file: String, _ vocabSize: Int) throws {
        var counts: [String: UInt64] = [:]
        for text in Golden.corpus {
            for word in WordPieceTrainer.words(of: text, normalizer: BertNormalizer()) { counts[word, default: 0] += 1 }
        }
        let model = try WordPieceTrainer(vocabSize: vocabSize, minFrequency: 2).train(counts)
        #expect(model.vocabulary == Golden.vocabulary(file))
    }

    @Test(arguments: ["wordpiece-tokenizer.json", "wordpiece-tokenizer-vs300.json"])
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
        }
    }
}
