import PretextCore
import PretextFormats
import PretextStore

/// The charsets of WARC responses: a catalog column per document, and counts in the step's
/// summary.
///
/// Documents decoded from an HTTP response get two signal columns: `charset` (the charset
/// the payload was decoded from: `utf-8`, `gbk`, `shift_jis`…) and `charset_source` (where
/// it came from: `bom`, `header`, `meta`, `valid_utf8`, `detected`, `fallback`; see
/// `CharsetSource`). Other documents leave them NULL. Later steps carry the columns along, so
/// `SELECT charset, count(*) FROM documents GROUP BY charset` works on every dataset after.
extension IngestStage: StageFinishing {
    /// The catalog column holding a document's charset.
    public static let charsetColumn = "charset"
    /// The catalog column holding where the charset came from.
    public static let charsetSourceColumn = "charset_source"

    /// Adds the document's charset columns to its row (nothing for documents that are not
    /// HTTP responses).
    static func addCharset(of document: IngestedDocument, to row: inout DocumentRow) {
        guard let charset = document.charset, let source = document.charsetSource else { return }
        row.setSignal(charsetColumn, .text(charset))
        row.setSignal(charsetSourceColumn, .text(source.rawValue))
    }

    /// Lines for the run's output: the documents per charset and how many were converted to
    /// UTF-8, then where the charsets came from; nothing when no HTTP response was read.
    public func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String] {
        let catalog = try dataset.openCatalog(readOnly: true)
        let charsets = try catalog.documentCounts(by: Self.charsetColumn)
        guard !charsets.isEmpty else { return [] }
        let sources = try catalog.documentCounts(by: Self.charsetSourceColumn)
        return Self.charsetLines(charsets: charsets, sources: sources)
    }

    /// The summary lines for these counts (most frequent first).
    static func charsetLines(
        charsets: [(value: String, count: Int)], sources: [(value: String, count: Int)]
    )
        -> [String]
    {
        let converted = charsets.filter { $0.value != "utf-8" }.reduce(0) { $0 + $1.count }
        func list(_ counts: [(value: String, count: Int)]) -> String {
            counts.map { "\($0.value) \($0.count)" }.joined(separator: ", ")
        }
        return [
            "WARC responses by charset: \(list(charsets)); \(converted) converted to UTF-8",
            "charset taken from: \(list(sources))",
        ]
    }
}
