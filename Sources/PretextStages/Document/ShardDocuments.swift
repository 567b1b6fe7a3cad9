import PretextCore
import PretextStore

/// Reads one input shard's documents with their catalog rows, in storage order.
///
/// Records and catalog rows are read side by side (shard, frame, offset); a row that does
/// not match its record means the dataset is damaged, and reading fails naming the shard.
struct ShardDocuments {
    let unit: ShardUnit
    private var scanner = JSONScanner()

    init(unit: ShardUnit) { self.unit = unit }

    /// Calls `body` with each document, its catalog row (with `rowID`), its raw record and
    /// its location.
    ///
    /// - Returns: the number of documents read.
    @discardableResult
    mutating func forEach(
        _ body: (inout Document, DocumentRow, UnsafeRawBufferPointer, RecordLocation) throws -> Void
    ) throws -> Int {
        let path = unit.dataset.path(unit.path)
        var scanner = self.scanner
        defer { self.scanner = scanner }
        return try forEachRecord { bytes, row, location in
            var document: Document
            do {
                document = try DocumentRecord.decode(bytes, scanner: &scanner)
            } catch let error as PretextError {
                throw PretextError(.corrupt, "a document record cannot be read: \(error.message)", path: path)
            }
            try body(&document, row, bytes, location)
        }
    }

    /// Calls `body` with each raw document record (undecoded), its catalog row and its
    /// location: for readers that need only part of a record.
    ///
    /// - Parameters:
    ///   - frames: the frames to read (when `nil`: the unit's frames, or the whole shard).
    ///   - columns: the catalog columns to read (all when `nil`); the row's other fields are
    ///     then empty.
    /// - Returns: the number of records read.
    @discardableResult
    func forEachRecord(
        frames: Range<Int>? = nil, columns: ((String) -> Bool)? = nil,
        _ body: (UnsafeRawBufferPointer, DocumentRow, RecordLocation) throws -> Void
    ) throws -> Int {
        let frames = frames ?? unit.frames
        let catalog = try unit.dataset.openCatalog(readOnly: true)
        var rows = try catalog.documentRows(shard: unit.shardID, frames: frames, columns: columns)
        let path = unit.dataset.path(unit.path)
        let reader = try ShardReader(path: path)
        var records = 0
        try reader.forEachRecord(frames: frames ?? 0..<reader.frameCount) { bytes, location in
            guard let input = try rows.next(), input.frame == location.frame, input.offset == location.offset,
                input.length == location.length
            else {
                throw PretextError(
                    .corrupt,
                    "the catalog has no document row for the record at frame \(location.frame), "
                        + "offset \(location.offset), length \(location.length); run `pretext verify`",
                    path: path)
            }
            try body(bytes, input.row, location)
            records += 1
        }
        if try rows.next() != nil {
            throw PretextError(
                .corrupt, "the catalog lists more documents than the shard's frames hold; run `pretext verify`",
                path: path)
        }
        return records
    }
}
