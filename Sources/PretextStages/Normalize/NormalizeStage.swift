import PretextCore
import PretextStore
import PretextText

/// Unicode normalization (ICU) of every document's text.
///
/// NFC by default; NFKC folds compatibility characters and changes CJK punctuation
/// (`，` → `,`), so it is opt-in. A document whose text is empty afterwards is dropped as
/// `empty_after_cleanup`. Options and behaviour: `docs/stages/normalize.md`.
public struct NormalizeStage: DocumentStage {
    public static let descriptor = StageDescriptor(
        name: "normalize",
        summary: "Unicode normalization (ICU NFC/NFKC/NFD/NFKD) of document text",
        options: [
            OptionSpec(
                "form", .choice(UnicodeNormalizer.Form.allCases.map(\.rawValue)), default: .string("nfc"),
                "Unicode normalization form; nfkc also changes CJK punctuation (，→ ,)")
        ],
        input: .dataset)

    private let form: UnicodeNormalizer.Form

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        form = options.string("form").flatMap(UnicodeNormalizer.Form.init(rawValue:)) ?? .nfc
    }

    /// A worker holding the normalizer.
    public func makeWorker() throws -> Worker { Worker(normalizer: UnicodeNormalizer(form: form)) }

    /// Normalizes one document at a time.
    public struct Worker: DocumentWorker {
        let normalizer: UnicodeNormalizer

        /// Normalizes the text; drops the document when nothing is left.
        public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            document.text = try normalizer.normalize(document.text)
            guard document.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                return .drop(reason: "empty_after_cleanup", detail: "no text left after normalization")
            }
            return .keep
        }
    }
}
