import Testing

@testable import PretextAudit

/// Chinese and Japanese terms match on ICU's dictionary word boundaries. The expectations
/// follow what ICU 74's CJK dictionary returns for each sentence (shown in the comments as
/// its segmentation), not what a linguist would say.
@Suite struct TermMatcherChineseTests {
    @Test func noHitsInsideLongerWords() throws {
        let terms = ["男", "女", "人", "回族", "他"]
        // 男人|和|女人|都|来|了|。  男孩|和|女孩  中国人  其他|人  宁夏|回族|自治|区
        #expect(try found(terms, in: "男人和女人都来了。") == [])
        #expect(try found(terms, in: "男孩和女孩") == [])
        #expect(try found(terms, in: "中国人") == [])
        #expect(try found(terms, in: "其他人都走了") == ["人@人"])
        #expect(try found(terms, in: "宁夏回族自治区") == ["回族@回族"])
    }

    @Test func trueHits() throws {
        let terms = ["护士", "回族", "她", "他", "人", "男", "医生"]
        // 她是|一名|护士|。  他们|是|回族|人|。  我|和|她  女|医生|和男|护士  美国|人
        #expect(try found(terms, in: "她是一名护士。") == ["护士@护士"])
        #expect(try found(terms, in: "他们是回族人。") == ["回族@回族", "人@人"])
        #expect(try found(terms, in: "我和她") == ["她@她"])
        #expect(try found(terms, in: "女医生和男护士") == ["医生@医生", "护士@护士"])
        #expect(try found(terms, in: "美国人") == ["人@人"])
    }

    @Test func termsMaySpanSeveralDictionaryWords() throws {
        // 同性|恋|者: both ends of 同性恋 are boundaries.
        #expect(try found(["同性恋"], in: "同性恋者") == ["同性恋@同性恋"])
    }

    /// ICU joins pronouns with a following 是 or 的 (她是, 他的), so whole-word matching
    /// misses them; `wordPrefixes` lets such terms end inside a dictionary word.
    @Test func pronounsJoinedByTheDictionary() throws {
        let terms = ["她", "他"]
        let text = "她说她是护士，他的朋友是其他人。"  // 她|说|她是|护士|，|他的|朋友|是|其他|人|。
        #expect(try found(terms, in: text) == ["她@她"])
        #expect(try found(terms, in: text, wordPrefixes: [0, 1]) == ["她@她", "她@她", "他@他"])
    }

    @Test func punctuationAndLatinAroundHanNeedNoSegmentation() throws {
        let boundaries = try WordBoundaries()
        let matcher = try TermMatcher(terms: ["护士", "nurse"])
        let matches = matcher.matches(in: "“护士”(nurse)，护士!", boundaries: boundaries)
        #expect(matches.map(\.term) == [0, 1, 0])
        #expect(boundaries.segmentedRuns == 0)
        #expect(matcher.matches(in: "the nurse said so", boundaries: boundaries).count == 1)
        #expect(boundaries.segmentedRuns == 0)
    }

    @Test func oneSegmentationPerRun() throws {
        let boundaries = try WordBoundaries()
        let matcher = try TermMatcher(terms: ["护士", "医生", "回族"])
        // 女|医生|和男|护士 (one run), then 他们|是|回族|人 (another).
        let matches = matcher.matches(in: "女医生和男护士。他们是回族人。", boundaries: boundaries)
        #expect(matches.map(\.term) == [1, 0, 2])
        #expect(boundaries.segmentedRuns == 2)
    }

    @Test func japaneseAndThai() throws {
        // 私|は|東京|に|住|んで|い|ます  東京|都
        #expect(try found(["東京", "京"], in: "私は東京に住んでいます") == ["東京@東京"])
        #expect(try found(["東京"], in: "東京都") == ["東京@東京"])
        // ภาษา|ไทย|เป็น|ภาษา|ที่|สวยงาม
        #expect(try found(["ภาษา", "สวย"], in: "ภาษาไทยเป็นภาษาที่สวยงาม") == ["ภาษา@ภาษา", "ภาษา@ภาษา"])
    }
}
