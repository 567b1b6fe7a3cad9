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
        options: [
            form, removeControl, removeZeroWidth, mapUnicodeSpaces, mapIdeographicSpace, normalizeLineEndings,
            maxConsecutiveNewlines, trimTrailingWhitespace, trimDocument, repairMojibake,
        ],
        input: .dataset)

    /// The cleanup defaults (`TextCleaner.Options`) are the options' defaults.
    private static let cleanupDefaults = TextCleaner.Options()

    /// `form`: the Unicode normalization form.
    public static let form = OptionKey<UnicodeNormalizer.Form>(
        "form", default: .nfc, "Unicode normalization form; nfkc also changes CJK punctuation (，→ ,)")
    /// `remove_control`.
    public static let removeControl = OptionKey<Bool>(
        "remove_control", default: cleanupDefaults.removeControlCharacters,
        "remove C0/C1 control characters except tab and newline")
    /// `remove_zero_width`.
    public static let removeZeroWidth = OptionKey<Bool>(
        "remove_zero_width", default: cleanupDefaults.removeZeroWidthCharacters,
        "remove zero-width characters (ZWSP, word joiner, BOM; joiners inside emoji and scripts kept)")
    /// `map_unicode_spaces`.
    public static let mapUnicodeSpaces = OptionKey<Bool>(
        "map_unicode_spaces", default: cleanupDefaults.mapUnicodeSpaces, "map NBSP and other Unicode spaces to a space")
    /// `map_ideographic_space`.
    public static let mapIdeographicSpace = OptionKey<Bool>(
        "map_ideographic_space", default: cleanupDefaults.mapIdeographicSpace,
        "also map the ideographic space U+3000 (normal in CJK text) to a space")
    /// `normalize_line_endings`.
    public static let normalizeLineEndings = OptionKey<Bool>(
        "normalize_line_endings", default: cleanupDefaults.normalizeLineEndings, "CRLF, CR, U+2028/2029 become LF")
    /// `max_consecutive_newlines`.
    public static let maxConsecutiveNewlines = OptionKey<Int>(
        "max_consecutive_newlines", min: 0, default: cleanupDefaults.maxConsecutiveNewlines,
        "collapse longer runs of newlines (0: no limit)")
    /// `trim_trailing_whitespace`.
    public static let trimTrailingWhitespace = OptionKey<Bool>(
        "trim_trailing_whitespace", default: cleanupDefaults.trimTrailingWhitespace,
        "remove spaces at the end of lines")
    /// `trim_document`.
    public static let trimDocument = OptionKey<Bool>(
        "trim_document", default: cleanupDefaults.trimDocument, "remove whitespace around the document")
    /// `repair_mojibake`.
    public static let repairMojibake = OptionKey<Bool>(
        "repair_mojibake", default: cleanupDefaults.repairMojibake,
        "repair UTF-8 that was decoded as Windows-1252/Latin-1 (conservative; see docs)")

    private let form: UnicodeNormalizer.Form
    private let cleanup: TextCleaner.Options

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        form = options[Self.form]
        var cleanup = TextCleaner.Options()
        cleanup.removeControlCharacters = options[Self.removeControl]
        cleanup.removeZeroWidthCharacters = options[Self.removeZeroWidth]
        cleanup.mapUnicodeSpaces = options[Self.mapUnicodeSpaces]
        cleanup.mapIdeographicSpace = options[Self.mapIdeographicSpace]
        cleanup.normalizeLineEndings = options[Self.normalizeLineEndings]
        cleanup.maxConsecutiveNewlines = options[Self.maxConsecutiveNewlines]
        cleanup.trimTrailingWhitespace = options[Self.trimTrailingWhitespace]
        cleanup.trimDocument = options[Self.trimDocument]
        cleanup.repairMojibake = options[Self.repairMojibake]
        self.cleanup = cleanup
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
