import PretextCore
import PretextStore
import PretextText

/// Word, sentence, line and paragraph counts, and sentence boundaries, through ICU break
/// iterators (dictionary-based for Chinese, Japanese and Thai).
///
/// Annotates only: every document is kept. Writes `words`, `sentences`, `lines`,
/// `paragraphs` and `sentence_bounds` (the `SentenceBounds` encoding, for NSP and
/// sentence-order examples). With `use_document_language` a document whose `lang` is known
/// (from the language stage) is segmented with that locale. `docs/stages/segment.md`.
public struct SegmentStage: DocumentStage {
    public static let descriptor = StageDescriptor(
        name: "segment",
        summary: "ICU word/sentence segmentation: counts and sentence boundaries in the catalog",
        options: [locale, useDocumentLanguage, sentenceBounds],
        input: .dataset)

    /// `locale`: the ICU locale of segmentation.
    public static let locale = OptionKey<String>(
        "locale", default: "", "ICU locale for segmentation (empty: root rules)")
    /// `use_document_language`: segment with the document's language.
    public static let useDocumentLanguage = OptionKey<Bool>(
        "use_document_language", default: true, "segment with the document's detected language as locale when known")
    /// `sentence_bounds`: store sentence boundaries.
    public static let sentenceBounds = OptionKey<Bool>(
        "sentence_bounds", default: true, "store sentence boundaries in the catalog")

    private let locale: String
    private let useDocumentLanguage: Bool
    private let storeBounds: Bool

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        locale = options[Self.locale]
        useDocumentLanguage = options[Self.useDocumentLanguage]
        storeBounds = options[Self.sentenceBounds]
    }

    /// A worker with a segmenter per locale seen.
    public func makeWorker() throws -> Worker {
        Worker(defaultLocale: locale, useDocumentLanguage: useDocumentLanguage, storeBounds: storeBounds)
    }

    /// Segmentation only adds counts and boundaries: the input's shards are linked, not rewritten.
    public var keepsDocumentsUnchanged: Bool { true }

    /// Segments one document at a time; ICU iterators are reused per locale.
    public struct Worker: DocumentWorker {
        let defaultLocale: String
        let useDocumentLanguage: Bool
        let storeBounds: Bool
        private var segmenters: [String: Segmenter] = [:]

        init(defaultLocale: String, useDocumentLanguage: Bool, storeBounds: Bool) {
            self.defaultLocale = defaultLocale
            self.useDocumentLanguage = useDocumentLanguage
            self.storeBounds = storeBounds
        }

        /// Counts words, sentences, lines and paragraphs; records sentence boundaries.
        public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            let segmenter = try segmenter(for: row.lang)
            var text = document.text
            try text.withUTF8 { utf8 in
                let bytes = UnsafeRawBufferPointer(utf8)
                let counts = try segmenter.counts(in: bytes)
                row.words = counts.words
                row.sentences = counts.sentences
                row.lines = counts.lines
                row.paragraphs = counts.paragraphs
                if storeBounds { row.sentenceBounds = try SentenceBounds.encode(segmenter.sentences(in: bytes)) }
            }
            return .keep
        }

        private mutating func segmenter(for language: String?) throws -> Segmenter {
            var locale = defaultLocale
            if useDocumentLanguage, let language, language != "un", !language.isEmpty { locale = language }
            if let cached = segmenters[locale] { return cached }
            let made = try Segmenter(locale: locale)
            // A handful of locales per task at most (one per language seen); bounded anyway.
            if segmenters.count >= 64 { segmenters.removeAll() }
            segmenters[locale] = made
            return made
        }
    }
}
