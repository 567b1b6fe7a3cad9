/// The language of a text as CLD2 sees it, with its dominant script.
public struct LanguageDetection: Hashable, Sendable {
    /// One of CLD2's top three languages.
    public struct Candidate: Hashable, Sendable {
        /// CLD2's language code ("en", "zh", "zh-Hant", "un"…).
        public var code: String
        /// The share of the text's bytes in this language (CLD2's percent / 100).
        public var score: Double

        /// Creates a candidate.
        public init(code: String, score: Double) {
            self.code = code
            self.score = score
        }
    }

    /// CLD2's code of the top language (the largest share of the text): ISO 639-1 where one exists ("en", "de", "zh", "ja",
    /// "ko", "ru", "ar", "hi"), "zh-Hant" for Chinese in traditional characters, "un" when
    /// unknown (empty text, too little text, no letters).
    public var code: String
    /// CLD2's summary language (the return value of `ExtDetectLanguageSummary`). Usually
    /// `code`; it differs when CLD2 demotes English that shares the text with another
    /// language (English boilerplate on a foreign page), and is then that other language.
    public var summaryCode: String
    /// The share of the text's bytes in the top language, 0…1: CLD2's percent / 100, the
    /// score dolma's cld2 tagger reports.
    public var score: Double
    /// Whether CLD2 calls the detection reliable (enough text, clear margin).
    public var isReliable: Bool
    /// ICU's long name of the script with the most letters ("Latin", "Han", "Hiragana",
    /// "Cyrillic", "Arabic", "Devanagari", "Hangul"…), "Unknown" when there are no letters.
    public var script: String
    /// CLD2's top three languages, best first (fewer when CLD2 found fewer).
    public var candidates: [Candidate]
    /// The bytes CLD2 scored (letters of valid UTF-8, repetition skipped).
    public var textBytes: Int

    /// Creates a detection.
    public init(
        code: String, summaryCode: String? = nil, score: Double, isReliable: Bool, script: String,
        candidates: [Candidate] = [],
        textBytes: Int = 0
    ) {
        self.code = code
        self.summaryCode = summaryCode ?? code
        self.score = score
        self.isReliable = isReliable
        self.script = script
        self.candidates = candidates
        self.textBytes = textBytes
    }
}
