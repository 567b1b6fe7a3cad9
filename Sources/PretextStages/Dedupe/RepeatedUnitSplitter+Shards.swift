import PretextCore
import PretextDedupe
import PretextStore

extension RepeatedUnitSplitter {
    /// Calls `body` with every unit of every document of `shard`, in storage order, as an
    /// occurrence: a count of 1 at the unit's place (its document's input `order` and rowid,
    /// its position).
    ///
    /// - Returns: the number of documents read.
    /// - Throws: `PretextError(.corrupt)` for a damaged shard or catalog.
    mutating func forEachUnit(
        in shard: ShardUnit, order: InputOrder, _ body: (RepeatedUnitCount) throws -> Void
    ) throws -> Int {
        var documents = ShardDocuments(unit: shard)
        var layout = RepeatedUnitLayout()
        return try documents.forEach { document, row, _, _ in
            let rowID = try row.requiredRowID(shard: shard)
            let key = order.key(of: row)
            var text = document.text
            try text.withUTF8 { try split(UnsafeRawBufferPointer($0), language: row.lang, into: &layout) }
            for unit in layout.units {
                try body(
                    RepeatedUnitCount(
                        hash: unit.hash, count: 1, order: key, document: rowID, position: UInt64(unit.position)))
            }
        }
    }
}

extension RepeatedUnitSplitter {
    /// Calls `body` with every unit occurrence of the shards `units` name (`forEachUnit(in:)`),
    /// counting each shard's documents in `task`'s progress.
    mutating func forEachUnit(
        of units: [PhaseUnit], in shards: [ShardUnit], order: InputOrder, task: PhaseTask,
        _ body: (RepeatedUnitCount) throws -> Void
    ) throws {
        for unit in units {
            let count = try forEachUnit(in: shards[unit.index], order: order, body)
            task.progress.add(documents: Int64(count), bytes: unit.bytes)
        }
    }
}

extension DocumentRow {
    /// The row's input rowid, which catalog readers always set.
    ///
    /// - Throws: `PretextError(.corrupt)` naming `shard` when it is missing.
    func requiredRowID(shard: ShardUnit) throws -> UInt64 {
        guard let rowID else {
            throw PretextError(.corrupt, "a document row has no rowid", path: shard.dataset.path(shard.path))
        }
        return UInt64(rowID)
    }
}
