/// Thresholds of every quality rule family, for one language.
///
/// Every threshold is optional: `nil` switches that one rule off; `isEnabled = false` on a
/// family switches the whole family off. `QualityConfig.datatrove` holds datatrove 0.10's
/// defaults; `defaults(forLanguage:)` adds the Chinese/Japanese adaptations; a
/// `QualityProfile` maps languages to their own configs.
public struct QualityConfig: Sendable, Equatable {
    /// Gopher quality rules.
    public var gopherQuality: GopherQualityConfig
    /// Gopher repetition rules.
    public var gopherRepetition: GopherRepetitionConfig
    /// C4 rules.
    public var c4: C4QualityConfig
    /// FineWeb rules.
    public var fineWeb: FineWebQualityConfig

    /// Creates a config (datatrove's defaults unless given).
    public init(
        gopherQuality: GopherQualityConfig = .init(), gopherRepetition: GopherRepetitionConfig = .init(),
        c4: C4QualityConfig = .init(), fineWeb: FineWebQualityConfig = .init()
    ) {
        self.gopherQuality = gopherQuality
        self.gopherRepetition = gopherRepetition
        self.c4 = c4
        self.fineWeb = fineWeb
    }

    /// datatrove 0.10's defaults for English.
    public static let datatrove = QualityConfig()

    /// The primary subtag of a language code, lower-cased ("zh-Hant" → "zh").
    public static func baseLanguage(_ code: String?) -> String {
        guard let code else { return "" }
        return String(code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    /// Whether a language code is Chinese or Japanese (the languages with CJK adaptations).
    public static func isCJK(_ code: String?) -> Bool { ["zh", "ja"].contains(baseLanguage(code)) }

    /// Defaults for a language: datatrove's, with the CJK adaptations for Chinese and Japanese.
    ///
    /// CJK changes (see docs/stages/quality.md): the mean-word-length minimum is off (a Chinese
    /// word is one or two characters); the stop-word list is the language's; C4 accepts
    /// 。！？ and closing CJK quotes as terminal punctuation and counts words per line with the
    /// word splitter instead of whitespace.
    public static func defaults(forLanguage code: String?) -> QualityConfig {
        var c = QualityConfig()
        guard isCJK(code) else { return c }
        c.gopherQuality.minAvgWordLength = nil
        c.gopherQuality.stopWords = StopWords.forLanguage(code)
        c.c4.extraTerminalPunctuation = "。！？｡」』”’"
        c.c4.countLineWordsWithSplitter = true
        return c
    }
}

/// Per-language quality configs with a fallback.
public struct QualityProfile: Sendable, Equatable {
    /// Config for languages without an entry.
    public var fallback: QualityConfig
    /// Configs by language code (matched exactly first, then by primary subtag).
    public var languages: [String: QualityConfig]

    /// Creates a profile; the default has the Chinese and Japanese adaptations.
    public init(
        fallback: QualityConfig = .datatrove,
        languages: [String: QualityConfig] = ["zh": .defaults(forLanguage: "zh"), "ja": .defaults(forLanguage: "ja")]
    ) {
        self.fallback = fallback
        self.languages = languages
    }

    /// The config for a document language.
    public func config(forLanguage code: String?) -> QualityConfig {
        if let code, let c = languages[code] { return c }
        return languages[QualityConfig.baseLanguage(code)] ?? fallback
    }
}

/// Gopher quality thresholds (datatrove `GopherQualityFilter`).
public struct GopherQualityConfig: Sendable, Equatable {
    /// Whether the family runs.
    public var isEnabled = true
    /// Minimum number of non-symbol words (50).
    public var minDocWords: Int? = 50
    /// Maximum number of non-symbol words (100,000).
    public var maxDocWords: Int? = 100_000
    /// Minimum mean length of non-symbol words (3).
    public var minAvgWordLength: Double? = 3
    /// Maximum mean length of non-symbol words (10).
    public var maxAvgWordLength: Double? = 10
    /// Maximum ratio of "#" and of "..."/"…" occurrences to words (0.1).
    public var maxSymbolWordRatio: Double? = 0.1
    /// Maximum fraction of lines starting with "•" or "-" (0.9).
    public var maxBulletLinesRatio: Double? = 0.9
    /// Maximum fraction of lines ending with "..." or "…" (0.3).
    public var maxEllipsisLinesRatio: Double? = 0.3
    /// Minimum fraction of words containing a letter (0.8; datatrove's `max_non_alpha_words_ratio`).
    public var minAlphaWordsRatio: Double? = 0.8
    /// Minimum number of distinct stop words present (2).
    public var minStopWords: Int? = 2
    /// The stop words (case-sensitive).
    public var stopWords: Set<String> = StopWords.english
    /// Creates datatrove's defaults.
    public init() {}
}

/// A word n-gram size and its character-fraction threshold.
public struct NGramThreshold: Sendable, Equatable {
    /// The n-gram size in words.
    public var n: Int
    /// The maximum fraction of the text's characters.
    public var fraction: Double
    /// Creates a threshold.
    public init(_ n: Int, _ fraction: Double) {
        self.n = n
        self.fraction = fraction
    }
}

/// Gopher repetition thresholds (datatrove `GopherRepetitionFilter`).
public struct GopherRepetitionConfig: Sendable, Equatable {
    /// Whether the family runs.
    public var isEnabled = true
    /// Maximum fraction of duplicated lines (0.3).
    public var dupLineFrac: Double? = 0.3
    /// Maximum fraction of duplicated paragraphs (0.3).
    public var dupParaFrac: Double? = 0.3
    /// Maximum fraction of characters in duplicated lines (0.2).
    public var dupLineCharFrac: Double? = 0.2
    /// Maximum fraction of characters in duplicated paragraphs (0.2).
    public var dupParaCharFrac: Double? = 0.2
    /// Most frequent n-gram character fractions (2: 0.20, 3: 0.18, 4: 0.16).
    public var topNGrams: [NGramThreshold] = [.init(2, 0.2), .init(3, 0.18), .init(4, 0.16)]
    /// Duplicated n-gram character fractions (5: 0.15 … 10: 0.10).
    public var dupNGrams: [NGramThreshold] = [
        .init(5, 0.15), .init(6, 0.14), .init(7, 0.13), .init(8, 0.12), .init(9, 0.11), .init(10, 0.10),
    ]
    /// Creates datatrove's defaults.
    public init() {}
}

/// C4 thresholds (datatrove `C4QualityFilter`, line mode).
public struct C4QualityConfig: Sendable, Equatable {
    /// Whether the family runs.
    public var isEnabled = true
    /// Remove Wikipedia-style citations ("[1]", "[edit]", "[citation needed]") first.
    public var removeCitations = true
    /// Drop lines that do not end in . ? ! " ' (or end in "...").
    public var filterNoTerminalPunctuation = true
    /// More characters accepted as line-final punctuation (CJK presets add 。！？ etc.).
    public var extraTerminalPunctuation = ""
    /// Minimum sentences in the kept lines (5); `nil` is datatrove's -1.
    public var minNumSentences: Int? = 5
    /// Minimum words in a kept line (3).
    public var minWordsPerLine: Int? = 3
    /// Count a line's words with the word splitter instead of whitespace (CJK).
    public var countLineWordsWithSplitter = false
    /// Lines with a whitespace-separated word longer than this are dropped (1000).
    public var maxWordLength: Int? = 1000
    /// Drop the document if a kept line contains "lorem ipsum".
    public var filterLoremIpsum = true
    /// Drop lines containing "javascript".
    public var filterJavascript = true
    /// Drop the document if a kept line contains "{".
    public var filterCurlyBracket = true
    /// Drop lines containing cookie / terms-of-use / privacy-policy phrases.
    public var filterPolicy = true
    /// Creates datatrove's defaults.
    public init() {}
}

/// FineWeb thresholds (datatrove `FineWebQualityFilter`).
public struct FineWebQualityConfig: Sendable, Equatable {
    /// Whether the family runs.
    public var isEnabled = true
    /// Minimum fraction of lines ending in terminal punctuation (0.12).
    public var linePunctThreshold: Double? = 0.12
    /// Do not fail documents where no line ends in punctuation.
    public var linePunctExcludeZero = false
    /// Maximum fraction of lines of at most `shortLineLength` characters (0.67).
    public var shortLineThreshold: Double? = 0.67
    /// The short-line length in code points (30).
    public var shortLineLength = 30
    /// Maximum fraction of characters in duplicated lines (0.01).
    public var charDuplicatesRatio: Double? = 0.01
    /// Maximum newlines per word (0.3).
    public var newLineRatio: Double? = 0.3
    /// Creates datatrove's defaults.
    public init() {}
}
