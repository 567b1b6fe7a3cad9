import PretextCore
import PretextStore

/// The rank of every document's id in byte order (`keep: id`): the input catalog sorts the
/// ids once through its `documents(id)` index; 4 bytes per document are held.
struct IDOrder {
    private var ranks: [UInt32] = []

    /// Ranks the ids of `dataset`'s documents (ties, which ingest does not produce, by rowid).
    init(dataset: Dataset) throws {
        let catalog = try dataset.openCatalog(readOnly: true)
        let statement = try catalog.connection.prepare("SELECT rowid FROM documents ORDER BY id, rowid")
        var rank: UInt32 = 0
        while try statement.step() {
            guard let rowID = statement.value(0).int, rowID >= 0 else { continue }
            if rowID >= ranks.count { ranks.append(contentsOf: repeatElement(0, count: rowID + 1 - ranks.count)) }
            rank += 1
            ranks[rowID] = rank
        }
    }

    /// The order key of `row`: its id's rank.
    func key(of row: DocumentRow) -> UInt64 {
        guard let rowID = row.rowID, rowID >= 0, Int(rowID) < ranks.count else { return UInt64(UInt32.max) }
        return UInt64(ranks[Int(rowID)])
    }
}
