import Testing

@testable import PretextSynthetic

@Suite("Corpus layout and determinism")
struct CorpusDeterminismTests {
    static let configuration = NearDuplicateCorpus.Configuration(documentCount: 400, seed: 42)

    @Test func sameSeedSameCorpus() {
        let first = NearDuplicateCorpus(Self.configuration)
        let second = NearDuplicateCorpus(Self.configuration)
        for position in stride(from: 0, to: 400, by: 7) {
            #expect(first.document(at: position) == second.document(at: position))
        }
    }

    /// Pins the output of one seed, so that a change of the generator (or of the toolchain)
    /// that alters published corpora is noticed.
    @Test func pinnedOutput() {
        let corpus = NearDuplicateCorpus(Self.configuration)
        #expect(corpus.familyCount == 34)
        #expect(String(corpus.document(at: 0).text.prefix(20)) == "郝弞鮦岨尅猛闋竌2015鈁嘧，會，燜郝閑")
        #expect(String(corpus.family(0)[1].text.prefix(40)) == "Lome jau cleo saino tandthajen thece, ko")
        #expect(corpus.family(0)[1].recipe == VariantRecipe(operations: [.edit], editRate: 0.249))
    }

    @Test func otherSeedOtherCorpus() {
        var other = Self.configuration
        other.seed = 43
        let a = NearDuplicateCorpus(Self.configuration)
        let b = NearDuplicateCorpus(other)
        #expect((0..<20).contains { a.document(at: $0).text != b.document(at: $0).text })
    }

    @Test func idsFollowPositions() {
        let corpus = NearDuplicateCorpus(Self.configuration)
        #expect(corpus.id(at: 0) == "d0000000")
        #expect(corpus.id(at: 123) == "d0000123")
        #expect(corpus.document(at: 123).id == "d0000123")
        #expect(corpus.document(at: 123).position == 123)
    }

    @Test func familiesMatchDocumentsAtTheirPositions() {
        let corpus = NearDuplicateCorpus(Self.configuration)
        #expect(corpus.familyCount > 0)
        for index in 0..<corpus.familyCount {
            let members = corpus.family(index)
            #expect((2...5).contains(members.count))
            #expect(members[0].recipe == .original)
            for (member, document) in members.enumerated() {
                #expect(document.member == member && document.family == index)
                #expect(corpus.document(at: document.position) == document)
            }
        }
    }

    @Test func familyShareAndShuffle() {
        let corpus = NearDuplicateCorpus(Self.configuration)
        var inFamilies = 0
        var sourcesFirst = 0
        for index in 0..<corpus.familyCount {
            let members = corpus.family(index)
            inFamilies += members.count
            if members[0].position == members.map(\.position).min() { sourcesFirst += 1 }
        }
        #expect(abs(inFamilies - 120) <= 1)
        #expect(sourcesFirst < corpus.familyCount)
        let singles = (0..<400).filter { corpus.document(at: $0).isSingleton }.count
        #expect(singles == 400 - inFamilies)
    }

    @Test func exactCopiesAreIdentical() {
        var configuration = Self.configuration
        configuration.exactCopyShare = 1
        let corpus = NearDuplicateCorpus(configuration)
        let members = corpus.family(0)
        #expect(members.dropFirst().allSatisfy { $0.text == members[0].text && $0.recipe.operations == [.copy] })
    }
}
