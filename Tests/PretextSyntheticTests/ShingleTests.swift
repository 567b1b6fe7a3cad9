import PretextCore
import Testing

@testable import PretextSynthetic

@Suite("Shingles and exact Jaccard")
struct ShingleTests {
    @Test func simplify() {
        #expect(ShingleTokenizer.simplify("  The 3.5 Cats,  12,000 dogs!\n\nOK? ") == "the 0 cats 0 dogs ok")
        #expect(ShingleTokenizer.simplify("a1b 2. x") == "a0b 0 x")
        #expect(ShingleTokenizer.simplify("1.2.3") == "0 0")
        #expect(ShingleTokenizer.simplify("我爱北京。你好？「好」") == "我爱北京 你好 好")
    }

    @Test func cjkCharactersAreTokens() {
        #expect(ShingleTokenizer.tokens("我爱abc北京。Hi") == ["我", "爱", "abc", "北", "京", "hi"])
        #expect(ShingleTokenizer.tokens("ひらがな") == ["ひ", "ら", "が", "な"])
    }

    @Test func shingles() {
        #expect(ShingleTokenizer.shingles("a b c d e f") == ["a b c d e", "b c d e f"])
        #expect(ShingleTokenizer.shingles("Hello, world!") == ["hello world"])
        #expect(ShingleTokenizer.shingles(" ,. ").isEmpty)
    }

    @Test func identicalIsOneAndDisjointIsZero() {
        let text = "One two three four five six seven. Eight nine ten!"
        #expect(ShingleSet.jaccard(text, text) == 1)
        #expect(ShingleSet.jaccard(text, "ONE two, three four five six seven eight nine ten") == 1)
        #expect(ShingleSet.jaccard(text, "alpha beta gamma delta epsilon zeta") == 0)
        #expect(ShingleSet.jaccard("", "") == 1)
    }

    @Test func smallCaseByHand() {
        // {abcde, bcdef} vs {abcde, bcdeg}: 1 common of 3.
        #expect(ShingleSet.jaccard("a b c d e f", "a b c d e g") == 1.0 / 3.0)
        // 7 tokens: {abcde, bcdef, cdefg}; with d → x: {abcxe, bcxef, cxefg}; 0 of 6 shared.
        #expect(ShingleSet.jaccard("a b c d e f g", "a b c x e f g") == 0)
        // 9 tokens, the last one changed: 4 of 5 shingles kept, 4 / (5 + 5 - 4).
        #expect(ShingleSet.jaccard("a b c d e f g h i", "a b c d e f g h z") == 4.0 / 6.0)
        // Repeated shingles count once: {aaaaa} vs {aaaaa, aaaab}.
        #expect(ShingleSet.jaccard("a a a a a a", "a a a a a b") == 0.5)
    }

    @Test func jaccardDecreasesWithEditRate() {
        let generator = BodyGenerator(englishWords: 300...300, chineseCharacters: 400...400)
        for language in SyntheticLanguage.allCases {
            let means = [0.01, 0.05, 0.10, 0.20, 0.30].map { rate in
                meanJaccard(generator, language, rate: rate)
            }
            #expect(zip(means, means.dropFirst()).allSatisfy { $0 > $1 }, "\(language): \(means)")
            #expect(means[0] > 0.85 && means[4] < 0.3, "\(language): \(means)")
        }
    }

    /// The mean Jaccard of a source and its edited variant over 12 draws.
    private func meanJaccard(_ generator: BodyGenerator, _ language: SyntheticLanguage, rate: Double) -> Double {
        var total = 0.0
        for trial in 0..<12 {
            var rng = SplitMix64(seed: UInt64(trial))
            let source = generator.body(language, using: &rng)
            let variant = VariantMaker.apply(
                VariantRecipe(operations: [.edit], editRate: rate), to: source, using: &rng)
            total += ShingleSet.jaccard(source.render(), variant.render())
        }
        return total / 12
    }
}
