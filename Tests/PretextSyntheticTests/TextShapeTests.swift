import PretextCore
import Testing

@testable import PretextSynthetic

@Suite("Generated text")
struct TextShapeTests {
    func documents(chineseShare: Double) -> [SyntheticDocument] {
        var configuration = NearDuplicateCorpus.Configuration(documentCount: 60, seed: 9)
        configuration.chineseShare = chineseShare
        configuration.familyShare = 0
        let corpus = NearDuplicateCorpus(configuration)
        return (0..<60).map { corpus.document(at: $0) }
    }

    @Test func englishSentencesAndParagraphs() {
        for document in documents(chineseShare: 0) {
            #expect(document.language == .english)
            let paragraphs = document.text.split(separator: "\n\n", omittingEmptySubsequences: false)
            #expect(paragraphs.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
            for paragraph in paragraphs {
                #expect(paragraph.first!.isUppercase)
                #expect([".", "?", "!"].contains(paragraph.last!))
            }
            let words = ShingleTokenizer.tokens(document.text).count
            #expect((80...400).contains(words))
        }
    }

    @Test func chineseTokensAreSingleCharacters() {
        for document in documents(chineseShare: 1) {
            #expect(document.language == .chinese)
            #expect(!document.text.contains(" "))
            let tokens = ShingleTokenizer.tokens(document.text)
            #expect(tokens.allSatisfy { $0 == "0" || ($0.unicodeScalars.count == 1 && $0 >= "\u{4E00}") })
            let characters = tokens.filter { $0 != "0" }.count
            #expect((150...600).contains(characters))
            #expect(["。", "？"].contains(document.text.last!))
        }
    }

    @Test func boilerplateIsAddedAsLines() {
        var rng = SplitMix64(seed: 1)
        let body = BodyGenerator(englishWords: 80...80, chineseCharacters: 150...150).body(.english, using: &rng)
        let recipe = VariantRecipe(operations: [.prepend, .append], editRate: 0)
        let variant = VariantMaker.apply(recipe, to: body, using: &rng).render()
        #expect(variant.contains(body.render()))
        #expect(!variant.hasPrefix(body.render()) && !variant.hasSuffix(body.render()))
    }

    @Test func vocabularySizes() {
        #expect(EnglishVocabulary.shared.words.count == 20_000)
        #expect(Set(EnglishVocabulary.shared.words).count == 20_000)
        #expect(EnglishVocabulary.shared.words.allSatisfy { $0.utf8.allSatisfy { $0 >= 97 && $0 <= 122 } })
        #expect(ChineseVocabulary.shared.words.count == 5_000)
        #expect(BoilerplateLines.shared.lines.count == 50)
    }
}
