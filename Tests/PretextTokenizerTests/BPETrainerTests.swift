import Testing

@testable import PretextTokenizer

/// The BPE trainer on small word counts whose merges can be worked out by hand.
@Suite struct BPETrainerTests {
    @Test func mergesTheMostFrequentPairFirst() {
        let counts: [String: UInt64] = ["hug": 10, "pug": 5, "pun": 12, "bun": 4, "hugs": 5]
        let result = BPETrainer(vocabSize: 10).train(counts)
        #expect(result.vocabulary == ["b", "g", "h", "n", "p", "s", "u", "ug", "un", "hug"])
        let merges = result.merges.map { "\(result.vocabulary[Int($0.left)]) \(result.vocabulary[Int($0.right)])" }
        #expect(merges == ["u g", "u n", "h ug"])
    }

    @Test func equalCountsMergeTheSmallerPairFirst() {
        // "ab" and "cd" both occur 3 times: (a, b) has the smaller ids.
        let result = BPETrainer(vocabSize: 6).train(["cd": 3, "ab": 3])
        #expect(result.vocabulary == ["a", "b", "c", "d", "ab", "cd"])
    }

    @Test func specialTokensComeFirstAndMinimumFrequencyStops() {
        let result = BPETrainer(vocabSize: 100, minFrequency: 3, specialTokens: ["<s>"]).train(["ab": 3, "cd": 2])
        #expect(result.vocabulary == ["<s>", "a", "b", "c", "d", "ab"])
    }

    @Test func mergingIsLeftToRightWithoutOverlap() {
        #expect(MergeState.merged([0, 0, 0], 0, 0, into: 1) == [1, 0])
        #expect(MergeState.merged([0, 0, 0, 0], 0, 0, into: 1) == [1, 1])
        #expect(MergeState.merged([2, 0, 0, 3, 0, 0], 0, 0, into: 1) == [2, 1, 3, 1])
    }

    @Test func continuationPrefixesAreAddedAndDroppedInMerges() {
        let trainer = BPETrainer(vocabSize: 100, continuingSubwordPrefix: "##")
        let result = trainer.train(["abab": 2])
        #expect(Array(result.vocabulary.prefix(4)) == ["a", "b", "##a", "##b"], "prefixed characters by code point")
        #expect(result.vocabulary.contains("ab") && result.vocabulary.contains("##ab"))
    }

    @Test func byteLevelAlphabetMapsEveryByte() {
        #expect(ByteLevel.characters.count == 256 && Set(ByteLevel.characters).count == 256)
        #expect(ByteLevel.text([0x20, 0x0A, 0x41]) == "ĠĊA")
        #expect(ByteLevel.decode("ĠĊA") == [0x20, 0x0A, 0x41])
    }
}
