import Testing

@testable import PretextQuality

/// Chinese and Japanese documents through the CJK-adapted defaults and the fallback splitter.
@Suite struct CJKQualityTests {
    static let cleanChinese = """
        城东的老菜市场今年春天完成了改造。改造以前，市场的屋顶漏雨，通道狭窄，摊位之间堆满了纸箱，老人和推着婴儿车的家长都很难通过。街道办事处在去年秋天征求了摊主和居民的意见，最后决定保留原来的布局，只更换屋顶、重新铺设地面，并且增加排水沟。

        施工期间，摊主们被临时安置在附近的停车场。卖豆腐的王师傅说，那几个月生意少了一半，但是他理解这样的安排，因为旧市场确实已经不安全了。新的屋顶采用透光材料，白天基本不用开灯，夏天也比以前凉快。

        改造后的市场还设置了一个小小的公共厨房，居民可以在那里学习做家常菜。每个周六上午，会有退休的厨师来教大家包饺子、做汤。很多年轻人说，他们第一次知道原来菜市场也可以是认识邻居的地方。

        当然，也有人担心租金会因此上涨。街道方面表示，未来三年的租金保持不变，之后再根据经营情况进行调整。对于这个承诺，摊主们表示会继续关注。
        """

    static let spamChinese = """
        免费领取！点击这里！！！
        免费领取！点击这里！！！
        免费领取！点击这里！！！
        减肥 减肥 减肥 减肥 减肥 减肥 减肥 减肥 瘦身 瘦身 瘦身 瘦身 瘦身 瘦身
        ### 最新优惠 ### 最新优惠 ### 最新优惠 ###
        免费领取！点击这里！！！
        首页 | 关于我们 | 联系我们 | 版权所有
        免费领取！点击这里！！！
        减肥 减肥 减肥 减肥 减肥 减肥 减肥 减肥 瘦身 瘦身 瘦身 瘦身 瘦身 瘦身
        """

    static let cleanJapanese = """
        山あいの小さな村では、毎年六月になると棚田の田植えが行われる。かつては家族総出の作業だったが、今では村の外から参加する人のほうが多い。都市に住む会社員や学生が週末に集まり、地元の農家に教わりながら一本ずつ苗を植えていく。

        田んぼに入ると、足が泥に沈んで思うように動けない。最初の一時間は誰もが苦労するが、慣れてくると列をそろえて植えられるようになる。昼には公民館で地元の野菜を使った弁当が配られ、参加者と村の人たちが同じ机を囲んで話をする。

        この取り組みを始めた農家の女性は、棚田を守るには人の手が欠かせないと話す。石垣の修理や水路の掃除は機械ではできないからだ。参加者の中には、秋の稲刈りにも戻ってくる人がいて、少しずつ村との関係が深まっている。

        ただし、課題もある。参加者の多くは一度きりで、継続して通う人はまだ少ない。村では来年から、年間を通じて作業に参加できる会員制度を試す予定だという。
        """

    static let spamJapanese = """
        今すぐ登録！無料！無料！無料！
        今すぐ登録！無料！無料！無料！
        今すぐ登録！無料！無料！無料！
        激安 激安 激安 激安 激安 激安 激安 セール セール セール セール
        ★★★ 人気ランキング ★★★ 人気ランキング ★★★
        今すぐ登録！無料！無料！無料！
        ホーム | 会社概要 | お問い合わせ | 著作権
        今すぐ登録！無料！無料！無料！
        """

    let evaluator = QualityEvaluator()

    @Test(arguments: [("zh", cleanChinese), ("ja", cleanJapanese)])
    func cleanArticleIsKeptByEveryFamily(language: String, text: String) {
        let results = evaluator.evaluate(text, language: language)
        for r in results { #expect(r.passed, "\(language): \(r.failed) \(r.signals)") }
        // Stop words are found through the language's own list.
        #expect((results[0].signal("gopher_stop_word_count") ?? 0) >= 2)
    }

    @Test(arguments: [("zh", spamChinese), ("ja", spamJapanese)])
    func spamPageIsDropped(language: String, text: String) {
        let results = evaluator.evaluate(text, language: language)
        #expect(!results[1].passed, "repetition: \(results[1].signals)")
        #expect(results.filter { !$0.passed }.count >= 2)
    }

    @Test func englishDefaultsWouldDropCleanChinese() {
        // Why the adaptations exist: datatrove's English rules reject a clean Chinese article.
        let t = QualityText(Self.cleanChinese)
        let english = EnglishWordSplitter()
        let r = GopherQualityRules().evaluate(t, words: english.words(in: t))
        #expect(!r.passed)
    }

    @Test func cjkSplitterFallback() {
        #expect(CJKWordSplitter().words(in: "我们在Tokyo 2024年。") == ["我", "们", "在", "Tokyo", "2024", "年", "。"])
        let t = QualityText("今天下雨了。明天呢？好的！")
        #expect(CJKWordSplitter().sentenceCount(t.scalars, range: 0..<t.count) == 3)
    }

    @Test func languageOverridesAndSwitches() {
        var profile = QualityProfile()
        var zh = QualityConfig.defaults(forLanguage: "zh")
        zh.gopherRepetition.isEnabled = false
        zh.fineWeb.newLineRatio = nil
        profile.languages["zh"] = zh
        let e = QualityEvaluator(profile: profile)
        let results = e.evaluate(Self.spamChinese, language: "zh-Hans")
        #expect(results[1].passed && results[1].signals.isEmpty)
        #expect(!results[3].failed.contains("fineweb_list_ratio"))
        #expect(profile.config(forLanguage: "en") == .datatrove)
    }
}
