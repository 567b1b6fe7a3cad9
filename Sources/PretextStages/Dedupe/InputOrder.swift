import PretextCore
import PretextStore

/// A document's position in the input, for the keep rule's ties and for `keep: first`: its
/// source's rank among the input dataset's sources (sorted by name), then its input line.
///
/// This is the order of the original input files, whatever the world size of the ingest that
/// made the dataset (storage order follows the ingest's ranks). Documents without a line
/// (WARC records) tie and fall back to storage order, which is file order within a source.
struct InputOrder {
    private let ranks: [String: UInt64]

    /// Reads the distinct sources of `dataset`.
    init(dataset: Dataset) throws {
        let sources = try dataset.openCatalog(readOnly: true).documentSources()
        ranks = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($1, UInt64($0 + 1)) })
    }

    /// The order key of `row`: source rank in the high 24 bits, line in the low 40.
    func key(of row: DocumentRow) -> UInt64 {
        let source = row.source.flatMap { ranks[$0] } ?? 0
        let line = UInt64(clamping: max(0, row.inputLine ?? 0))
        return min(source, (1 << 24) - 1) << 40 | min(line, (1 << 40) - 1)
    }
}
