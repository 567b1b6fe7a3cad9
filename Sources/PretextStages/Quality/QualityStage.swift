import PretextCore
import PretextQuality
import PretextStore
import PretextText

/// The Gopher quality and repetition rules, the C4 rules and the FineWeb rules, with
/// datatrove's defaults and decisions (English decisions match datatrove 0.10 on golden
/// sets), adapted for Chinese and Japanese (ICU words, CJK stop words and punctuation).
///
/// Every signal of every family is recorded in the catalog, so thresholds can be changed
/// later in SQL; a document is dropped by the first failing rule, in the order Gopher quality,
/// Gopher repetition, C4, FineWeb, with that rule's name as the reason. `annotate_only` keeps
/// every document. The rules are chosen by the document's `lang`; a document without one (no
/// language step ran before) has its language detected here with CLD2, recorded as
/// `quality_lang`, rather than silently getting English rules. `docs/stages/quality.md`.
public struct QualityStage: DocumentStage {
    public static let descriptor = StageDescriptor(
        name: "quality",
        summary: "Gopher quality/repetition, C4 and FineWeb rules (datatrove defaults, CJK-aware)",
        options: [families, rules, annotateOnly, c4RemoveLines],
        input: .dataset)

    /// `families`: the rule families applied.
    public static let families = OptionKey<[String]>(
        "families", default: QualityRuleSettings.families,
        "rule families to apply: gopher_quality, gopher_repetition, c4, fineweb")
    /// `rules`: threshold overrides.
    public static let rules = OptionKey<[String]>(
        "rules", default: [],
        "threshold overrides, [LANG:]NAME=VALUE|off (e.g. gopher_min_doc_words=30, zh:fineweb_new_line_ratio=off)")
    /// `annotate_only`: keep every document.
    public static let annotateOnly = OptionKey<Bool>(
        "annotate_only", default: false, "record the signals, keep every document")
    /// `c4_remove_lines`: keep the text without C4's bad lines.
    public static let c4RemoveLines = OptionKey<Bool>(
        "c4_remove_lines", default: true,
        "keep the text with C4's bad lines removed, as datatrove's C4QualityFilter does")

    private let evaluator: QualityEvaluator
    private let annotateOnly: Bool
    private let removeLines: Bool

    /// Creates the stage from checked options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for an unknown family or rule setting.
    public init(options: StageOptions) throws {
        let families = options[Self.families]
        for family in families where !QualityRuleSettings.families.contains(family) {
            throw PretextError(
                .invalidConfiguration,
                "quality: unknown family '\(family)'; families: \(QualityRuleSettings.families.joined(separator: ", "))"
            )
        }
        let profile = try QualityRuleSettings.profile(options[Self.rules], families: Set(families))
        evaluator = QualityEvaluator(profile: profile, cjkSplitter: ICUWordSplitter())
        annotateOnly = options[Self.annotateOnly]
        removeLines = options[Self.c4RemoveLines]
    }

    /// A worker sharing the evaluator (immutable, thread-safe).
    public func makeWorker() throws -> Worker {
        Worker(evaluator: evaluator, annotateOnly: annotateOnly, removeLines: removeLines, detector: LanguageDetector())
    }

    /// Evaluates one document at a time.
    /// Annotating only, documents are neither dropped nor changed (C4's line removal applies
    /// only when filtering): the input's shards are linked, not rewritten.
    public var keepsDocumentsUnchanged: Bool { annotateOnly }

    public struct Worker: DocumentWorker {
        let evaluator: QualityEvaluator
        let annotateOnly: Bool
        let removeLines: Bool
        let detector: LanguageDetector

        /// Records every signal; drops by the first failing rule unless annotating only.
        public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            let language = rulesLanguage(document, &row)
            // Filtering stops at the first failing family, as in datatrove's pipeline; annotating
            // computes every family.
            let results = evaluator.evaluate(document.text, language: language, stopAtFirstFailure: !annotateOnly)
            for result in results {
                for signal in result.signals { row.setSignal(signal.name, .real(signal.value)) }
            }
            if !annotateOnly, let failed = results.first(where: { !$0.passed }), let reason = failed.dropReason {
                return .drop(reason: reason, detail: Self.detail(results, rule: reason))
            }
            if removeLines, !annotateOnly, results.count > 2, let modified = results[2].modifiedText {
                document.text = modified
            }
            return .keep
        }

        /// The language whose rules apply: `lang`, or, without one, CLD2's detection, recorded
        /// as `quality_lang`. Unknown (`un`) gets datatrove's rules, which are English.
        func rulesLanguage(_ document: Document, _ row: inout DocumentRow) -> String {
            var language = row.lang
            if language == nil {
                let detected = detector.detect(document.text).code
                row.setSignal("quality_lang", .text(detected))
                language = detected
            }
            return language.flatMap { $0 == "un" ? nil : $0 } ?? "en"
        }

        /// The failing rule and every signal measured (a dropped document has no catalog row,
        /// so its signals live here), as `rule; name=value …`; never corpus text.
        static func detail(_ results: [QualityResult], rule: String) -> String {
            let measured = results.flatMap(\.signals).map { "\($0.name)=\(Self.format($0.value))" }
            return rule + "; " + measured.joined(separator: " ")
        }

        private static func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(value)
        }
    }
}
