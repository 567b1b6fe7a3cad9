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
            OptionSpec(
                "form", .choice(UnicodeNormalizer.Form.allCases.map(\.rawValue)), default: .string("nfc"),
                "Unicode normalization form; nfkc also changes CJK punctuation (，→ ,)"),
            OptionSpec(
                "remove_control", .boolean, default: .boolean(true),
                "remove C0/C1 control characters except tab and newline"),
            OptionSpec(
                "remove_zero_width", .boolean, default: .boolean(true),
                "remove zero-width characters (ZWSP, word joiner, BOM; joiners inside emoji and scripts kept)"),
            OptionSpec(
                "map_unicode_spaces", .boolean, default: .boolean(true), "map NBSP and other Unicode spaces to a space"),
            OptionSpec(
                "map_ideographic_space", .boolean, default: .boolean(false),
                "also map the ideographic space U+3000 (normal in CJK text) to a space"),
            OptionSpec(
                "normalize_line_endings", .boolean, default: .boolean(true), "CRLF, CR, U+2028/2029 become LF"),
            OptionSpec(
                "max_consecutive_newlines", .integer(min: 0), default: .integer(2),
                "collapse longer runs of newlines (0: no limit)"),
            OptionSpec(
                "trim_trailing_whitespace", .boolean, default: .boolean(true), "remove spaces at the end of lines"),
            OptionSpec("trim_document", .boolean, default: .boolean(true), "remove whitespace around the document"),
            OptionSpec(
                "repair_mojibake", .boolean, default: .boolean(false),
                "repair UTF-8 that was decoded as Windows-1252/Latin-1 (conservative; see docs)"),
        ],
        input: .dataset)

    private let form: UnicodeNormalizer.Form
    private let cleanup: TextCleaner.Options

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        form = options.string("form").flatMap(UnicodeNormalizer.Form.init(rawValue:)) ?? .nfc
        var cleanup = TextCleaner.Options()
        cleanup.removeControlCharacters = options.boolean("remove_control") ?? cleanup.removeControlCharacters
        cleanup.removeZeroWidthCharacters = options.boolean("remove_zero_width") ?? cleanup.removeZeroWidthCharacters
        cleanup.mapUnicodeSpaces = options.boolean("map_unicode_spaces") ?? cleanup.mapUnicodeSpaces
        cleanup.mapIdeographicSpace = options.boolean("map_ideographic_space") ?? cleanup.mapIdeographicSpace
        cleanup.normalizeLineEndings = options.boolean("normalize_line_endings") ?? cleanup.normalizeLineEndings
        cleanup.maxConsecutiveNewlines = options.integer("max_consecutive_newlines") ?? cleanup.maxConsecutiveNewlines
        cleanup.trimTrailingWhitespace = options.boolean("trim_trailing_whitespace") ?? cleanup.trimTrailingWhitespace
        cleanup.trimDocument = options.boolean("trim_document") ?? cleanup.trimDocument
        cleanup.repairMojibake = options.boolean("repair_mojibake") ?? cleanup.repairMojibake
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
