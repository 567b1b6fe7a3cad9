import PretextCore
import PretextStore

/// The rank of every document's id in byte order (`keep: id`): the input catalog sorts the
/// ids once through its `documents(id)` index; 4 bytes per document are held.
struct IDOrder {
    private var ranks: [UInt32] = []

    /// Ranks the ids of `dataset`'s documents (ties, which ingest does not produce, by rowid).
    init(dataset: Dataset) throws {
        var rank: UInt32 = 0
        var ranks: [UInt32] = []
        try dataset.openCatalog(readOnly: true).forEachRowIDInIDOrder { rowID in
            guard rowID >= 0 else { return }
            let index = Int(rowID)
            if index >= ranks.count { ranks.append(contentsOf: repeatElement(0, count: index + 1 - ranks.count)) }
            rank += 1
            ranks[index] = rank
        }
        self.ranks = ranks
    }

    /// The order key of `row`: its id's rank.
    func key(of row: DocumentRow) -> UInt64 {
        guard let rowID = row.rowID, rowID >= 0, Int(rowID) < ranks.count else { return UInt64(UInt32.max) }
        return UInt64(ranks[Int(rowID)])
    }
}
