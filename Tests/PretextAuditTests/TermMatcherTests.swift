import Testing

@testable import PretextAudit

/// The matched text of each match, as "term@text", for readable expectations.
func found(_ terms: [String], in text: String, wordPrefixes: Set<Int> = []) throws -> [String] {
    let matcher = try TermMatcher(terms: terms, wordPrefixes: wordPrefixes)
    let bytes = Array(text.utf8)
    return try matcher.matches(in: text, boundaries: WordBoundaries()).map {
        "\(terms[Int($0.term)])@\(String(decoding: bytes[$0.range], as: UTF8.self))"
    }
}

@Suite struct TermMatcherTests {
    @Test func wholeWordsOnly() throws {
        let terms = ["man", "he", "the", "men"]
        #expect(
            try found(terms, in: "The manager said the men met a man.") == ["the@The", "the@the", "men@men", "man@man"])
        #expect(try found(terms, in: "mankind, themen, shepherd, he2, he_") == ["he@he"])
        #expect(try found(terms, in: "hé héros") == [])
    }

    @Test func asciiCaseIsFoldedOnTheFly() throws {
        #expect(
            try found(["he", "new york"], in: "He said HE was in NEW YORK.") == ["he@He", "he@HE", "new york@NEW YORK"])
    }

    @Test func punctuationAndQuotesSeparateWords() throws {
        let text = "“He” said (he) he: he… ‘he’ «he»"
        #expect(try found(["he"], in: text).count == 6)
    }

    @Test func apostrophesSeparateWordsAndMatchEachOther() throws {
        let terms = ["women", "he", "women's"]
        #expect(
            try found(terms, in: "the women's group; the women’s group; he's here")
                == ["women@women", "women's@women's", "women@women", "women's@women’s", "he@he"])
    }

    @Test func hyphensSeparateWords() throws {
        #expect(try found(["wife", "ex-wife"], in: "his ex-wife") == ["ex-wife@ex-wife", "wife@wife"])
        #expect(try found(["man"], in: "man-made") == ["man@man"])
    }

    @Test func overlappingTermsAreAllReported() throws {
        let terms = ["new york", "york", "new york city", "new"]
        #expect(
            try found(terms, in: "new york city")
                == ["new@new", "new york@new york", "york@york", "new york city@new york city"])
        #expect(try found(["york", "new york"], in: "in new york.") == ["new york@new york", "york@york"])
    }

    @Test func anyWhitespaceByteMatchesASpace() throws {
        #expect(
            try found(["new york"], in: "new\nyork, new\tyork, new  york") == [
                "new york@new\nyork", "new york@new\tyork",
            ])
    }

    @Test func termsAtTheEdgesOfTheText() throws {
        #expect(try found(["he", "she"], in: "he") == ["he@he"])
        #expect(try found(["he", "she"], in: "she said he") == ["she@she", "he@he"])
    }

    @Test func emptyTextAndEmptyLexicon() throws {
        #expect(try found(["he"], in: "") == [])
        #expect(try found([], in: "he said") == [])
        #expect(try found(["", "he"], in: "he said") == ["he@he"])
    }

    @Test func repeatedTermsReportTheFirstIndex() throws {
        let matcher = try TermMatcher(terms: ["he", "she", "he"])
        #expect(try matcher.matches(in: "he", boundaries: WordBoundaries()) == [TermMatch(term: 0, range: 0..<2)])
    }

    @Test func matchesAppendAndRangesAreBytes() throws {
        let matcher = try TermMatcher(terms: ["café", "bar"])
        var matches = [TermMatch(term: 9, range: 0..<0)]
        var text = "le café bar"
        text.withUTF8 {
            matcher.matches(in: UnsafeRawBufferPointer($0), into: &matches, boundaries: try! WordBoundaries())
        }
        #expect(
            matches == [
                TermMatch(term: 9, range: 0..<0), TermMatch(term: 0, range: 3..<8), TermMatch(term: 1, range: 9..<12),
            ])
    }

    @Test func nonASCIICapitalsNeedLowercasing() throws {
        #expect(try found(["école", "дом"], in: "École ДОМ") == [])
        #expect(try found(["école", "дом"], in: TermFolding.lowercased("École ДОМ")) == ["école@école", "дом@дом"])
        #expect(TermFolding.lowercased("Plain ASCII") == "Plain ASCII")
        #expect(TermFolding.lowercased("naïve") == "naïve")
    }

    @Test func combiningMarksAndSoftHyphensJoinWords() throws {
        #expect(try found(["he"], in: "he\u{301}") == [])
        #expect(try found(["man"], in: "man\u{AD}ager") == [])
        #expect(try found(["man"], in: "man\u{200B}ager") == ["man@man"])
    }

    @Test func latinTermsNextToHanAreWords() throws {
        let boundaries = try WordBoundaries()
        let matcher = try TermMatcher(terms: ["ai", "男"])
        let matches = matcher.matches(in: "他用AI。男", boundaries: boundaries)
        #expect(matches.map(\.term) == [0, 1])
        #expect(boundaries.segmentedRuns == 0)
    }
}
