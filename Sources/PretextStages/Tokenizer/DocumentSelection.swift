import PretextCore
import PretextStore

/// Which documents a stage reads: those matching an SQL condition on the catalog, and a share
/// of them drawn by a hash of their id (the same documents on every run and every rank).
struct DocumentSelection: Sendable {
    /// An SQL condition on `documents` (empty: every document).
    let condition: String
    /// The share kept, 0…1.
    let sample: Double
    /// The seed of the draw.
    let seed: UInt64

    /// Whether every document is read.
    var isEverything: Bool { condition.isEmpty && sample >= 1 }

    /// The rowids matching the condition in `dataset` (`nil`: no condition).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the condition when SQLite refuses it.
    func matchingRowIDs(in dataset: Dataset) throws -> Set<Int64>? {
        guard !condition.isEmpty else { return nil }
        do {
            return try dataset.openCatalog(readOnly: true).documentRowIDs(where: condition)
        } catch let error as PretextError {
            throw PretextError(.invalidConfiguration, "where: \(condition): \(error.message)", path: dataset.root)
        }
    }

    /// Whether the document `row` is drawn (and matches, given the matching rowids).
    func includes(_ row: DocumentRow, matching: Set<Int64>?) -> Bool {
        if let matching, let rowID = row.rowID, !matching.contains(rowID) { return false }
        guard sample < 1 else { return true }
        let draw = XXH64.hash(Array(row.id.utf8), seed: seed)
        return Double(draw) < sample * 0x1p64
    }
}
