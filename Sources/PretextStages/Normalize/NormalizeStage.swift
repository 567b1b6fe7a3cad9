import PretextCore
import PretextStore
import PretextText

/// Unicode normalization (ICU) and cleanup of every document's text.
///
/// Cleanup first (control and zero-width characters, odd spaces, line endings, blank-line
/// runs, trimming; mojibake repair when asked), then the normalization form: NFC by default;
/// NFKC folds compatibility characters and changes CJK punctuation (`，` → `,`), so it is
/// opt-in. A document whose text is empty afterwards is dropped as `empty_after_cleanup`.
/// Options and behaviour: `docs/stages/normalize.md`.
public struct NormalizeStage: DocumentStage {
    public static let descriptor = StageDescriptor(
        name: "normalize",
        summary: "Unicode normalization (ICU NFC/NFKC/NFD/NFKD) and text cleanup",
        options: [form] + cleanupOptions,
        input: .dataset)

    /// `form`: the Unicode normalization form.
    public static let form = OptionKey<UnicodeNormalizer.Form>(
        "form", default: .nfc, "Unicode normalization form; nfkc also changes CJK punctuation (，→ ,)")

    /// The cleanup options, each a `TextCleaner.Options` field with that field's default.
    public static let cleanupOptions: [OptionBinding<TextCleaner.Options>] = [
        .option("remove_control", \.removeControlCharacters, "remove C0/C1 control characters except tab and newline"),
        .option(
            "remove_zero_width", \.removeZeroWidthCharacters,
            "remove zero-width characters (ZWSP, word joiner, BOM; joiners inside emoji and scripts kept)"),
        .option("map_unicode_spaces", \.mapUnicodeSpaces, "map NBSP and other Unicode spaces to a space"),
        .option(
            "map_ideographic_space", \.mapIdeographicSpace,
            "also map the ideographic space U+3000 (normal in CJK text) to a space"),
        .option("normalize_line_endings", \.normalizeLineEndings, "CRLF, CR, U+2028/2029 become LF"),
        .option(
            "max_consecutive_newlines", \.maxConsecutiveNewlines, min: 0,
            "collapse longer runs of newlines (0: no limit)"),
        .option("trim_trailing_whitespace", \.trimTrailingWhitespace, "remove spaces at the end of lines"),
        .option("trim_document", \.trimDocument, "remove whitespace around the document"),
        .option(
            "repair_mojibake", \.repairMojibake,
            "repair UTF-8 that was decoded as Windows-1252/Latin-1 (conservative; see docs)"),
    ]

    private let form: UnicodeNormalizer.Form
    private let cleanup: TextCleaner.Options

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        form = options[Self.form]
        cleanup = options.settings(from: Self.cleanupOptions)
    }

    /// A worker holding the cleaner, the normalizer and their buffers.
    public func makeWorker() throws -> Worker {
        Worker(cleaner: TextCleaner(options: cleanup), normalizer: UnicodeNormalizer(form: form))
    }

    /// Cleans and normalizes one document at a time.
    public struct Worker: DocumentWorker {
        let cleaner: TextCleaner
        let normalizer: UnicodeNormalizer
        private var cleaned: [UInt8] = []
        private var normalized: [UInt8] = []

        init(cleaner: TextCleaner, normalizer: UnicodeNormalizer) {
            self.cleaner = cleaner
            self.normalizer = normalizer
        }

        /// Cleans, then normalizes the text; drops the document when nothing is left.
        public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            cleaned.removeAll(keepingCapacity: true)
            normalized.removeAll(keepingCapacity: true)
            var text = document.text
            text.withUTF8 { cleaner.clean(utf8: UnsafeRawBufferPointer($0), into: &cleaned) }
            try cleaned.withUnsafeBytes { try normalizer.normalize(utf8: $0, into: &normalized) }
            guard !normalized.withUnsafeBytes({ UTF8Whitespace.isBlank($0) }) else {
                return .drop(reason: "empty_after_cleanup", detail: "no text left after cleanup and normalization")
            }
            document.text = String(decoding: normalized, as: UTF8.self)
            return .keep
        }
    }
}
