/// Runs every quality rule family over one document with the config and word splitter of the
/// document's language.
///
/// The `quality` stage holds one evaluator; it is immutable and safe to share across threads.
public struct QualityEvaluator: Sendable {
    /// The per-language configs.
    public let profile: QualityProfile
    /// Splitter for Chinese and Japanese (replace with ICU words when available).
    public let cjkSplitter: any WordSplitter
    /// Splitter for every other language (datatrove's English tokenizer).
    public let defaultSplitter: any WordSplitter
    private let fallbackRules: Rules
    private let languageRules: [String: Rules]

    /// The four families built once for one config (building them hashes the stop words).
    private struct Rules: Sendable {
        let gopherQuality: GopherQualityRules
        let gopherRepetition: GopherRepetitionRules
        let c4: C4QualityRules
        let fineWeb: FineWebQualityRules

        init(_ config: QualityConfig, _ splitter: any WordSplitter) {
            gopherQuality = GopherQualityRules(config: config.gopherQuality)
            gopherRepetition = GopherRepetitionRules(config: config.gopherRepetition)
            c4 = C4QualityRules(config: config.c4, splitter: splitter)
            fineWeb = FineWebQualityRules(config: config.fineWeb)
        }
    }

    /// Creates an evaluator.
    public init(
        profile: QualityProfile = QualityProfile(), defaultSplitter: any WordSplitter = EnglishWordSplitter(),
        cjkSplitter: any WordSplitter = CJKWordSplitter()
    ) {
        self.profile = profile
        self.defaultSplitter = defaultSplitter
        self.cjkSplitter = cjkSplitter
        fallbackRules = Rules(profile.fallback, defaultSplitter)
        var rules: [String: Rules] = [:]
        for (code, config) in profile.languages {
            rules[code] = Rules(config, QualityConfig.isCJK(code) ? cjkSplitter : defaultSplitter)
        }
        languageRules = rules
    }

    /// The results of one document, one per family, in the order Gopher quality, Gopher
    /// repetition, C4, FineWeb (the order datatrove's FineWeb pipeline applies them).
    ///
    /// - Parameters:
    ///   - text: the document text.
    ///   - language: its language code ("en", "zh", …), or `nil` for the fallback config.
    ///   - stopAtFirstFailure: return as soon as a family fails (datatrove's pipeline semantics:
    ///     a dropped document never reaches the next filter); the later families are not run.
    public func evaluate(_ text: String, language: String?, stopAtFirstFailure: Bool = false) -> [QualityResult] {
        var rules = fallbackRules
        if let language {
            if let r = languageRules[language] {
                rules = r
            } else if let r = languageRules[QualityConfig.baseLanguage(language)] {
                rules = r
            }
        }
        let splitter = QualityConfig.isCJK(language) ? cjkSplitter : defaultSplitter
        let t = QualityText(text)
        let words = splitter.words(in: t)
        let families: [() -> QualityResult] = [
            { rules.gopherQuality.evaluate(t, words: words) },
            { rules.gopherRepetition.evaluate(t, words: words) },
            { rules.c4.evaluate(t, words: words) },
            { rules.fineWeb.evaluate(t, words: words) },
        ]
        var results: [QualityResult] = []
        results.reserveCapacity(families.count)
        for family in families {
            let result = family()
            results.append(result)
            if stopAtFirstFailure && !result.passed { break }
        }
        return results
    }
}
