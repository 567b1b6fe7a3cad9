import PretextCore
import PretextStore
import PretextText

/// Language identification with CLD2: language code, score and script per document, and
/// keep/drop by a language list and a minimum score.
///
/// The code is the language with the largest share of the text and the score its share
/// (0…1), as dolma's CLD2 tagger reports them. With an empty `languages` list every document
/// is kept and only annotated. `docs/stages/language.md`.
public struct LanguageStage: DocumentStage {
    public static let descriptor = StageDescriptor(
        name: "language",
        summary: "CLD2 language ID: lang, lang_score, lang_script; keep by language list and score",
        options: [languages, minScore, bestEffort],
        input: .dataset)

    /// `languages`: the languages to keep; each must be a code CLD2 can report, so a typo
    /// is an error (listing the codes) rather than a list that silently drops everything.
    public static let languages = OptionKey<[String]>(
        "languages", default: [],
        "languages to keep (CLD2 codes: en, zh, zh-Hant, ja…; 'zh' also keeps zh-Hant); empty: keep all"
    ).items(LanguageDetector.detectableCodes, called: "a language code CLD2 can detect")
    /// `min_score`: the smallest share of the top language kept.
    public static let minScore = OptionKey<Double>(
        "min_score", min: 0, max: 1, default: 0.5,
        "with a language list: drop documents whose top language has a smaller share")
    /// `best_effort`: CLD2 answers on short text too.
    public static let bestEffort = OptionKey<Bool>(
        "best_effort", default: false, "let CLD2 answer on short or unreliable text instead of 'un'")

    private let languages: [String]
    private let minScore: Double
    private let bestEffort: Bool

    /// Creates the stage from options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for a language code CLD2 cannot
    ///   detect, listing the valid ones (checked options were checked already; this catches
    ///   options built in Swift).
    public init(options: StageOptions) throws {
        languages = options[Self.languages]
        for code in languages where !LanguageDetector.canDetect(code) {
            throw PretextError(
                .invalidConfiguration,
                "language: '\(code)' is not a language code CLD2 can detect; valid: "
                    + LanguageDetector.detectableCodes.joined(separator: ", "))
        }
        minScore = options[Self.minScore]
        bestEffort = options[Self.bestEffort]
    }

    /// Without a language list every document is kept as it is (annotation only).
    public var keepsDocumentsUnchanged: Bool { languages.isEmpty }

    /// A worker holding the detector.
    public func makeWorker() throws -> Worker {
        Worker(detector: LanguageDetector(bestEffort: bestEffort), languages: languages, minScore: minScore)
    }

    /// Detects the language of one document at a time.
    public struct Worker: DocumentWorker {
        let detector: LanguageDetector
        let languages: [String]
        let minScore: Double

        /// Annotates the row; drops documents outside the language list or below the score.
        public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            var text = document.text
            let detection = text.withUTF8 { detector.detect(utf8: UnsafeRawBufferPointer($0)) }
            row.lang = detection.code
            row.langScore = detection.score
            row.setSignal("lang_script", .text(detection.script))
            row.setSignal("lang_reliable", .integer(detection.isReliable ? 1 : 0))
            guard !languages.isEmpty else { return .keep }
            guard Self.matches(detection.code, languages) else {
                return .drop(reason: "language_not_allowed", detail: "detected \(detection.code)")
            }
            guard detection.score >= minScore else {
                return .drop(
                    reason: "language_score_low",
                    detail: "\(detection.code) score \(detection.score) below \(minScore)")
            }
            return .keep
        }

        /// `zh` in the list keeps `zh` and `zh-Hant`; other entries match exactly.
        static func matches(_ code: String, _ languages: [String]) -> Bool {
            languages.contains { $0 == code || code.hasPrefix($0 + "-") }
        }
    }
}
