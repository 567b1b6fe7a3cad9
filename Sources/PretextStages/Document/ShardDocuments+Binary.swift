import PretextCore
import PretextStore

extension ShardDocuments {
    /// Calls `body` with each binary record of the shard (token records) and its catalog row,
    /// in storage order. Binary records are not split at newlines: each is cut from its frame
    /// where its row says, one frame decompressed at a time.
    ///
    /// - Returns: the number of records read.
    /// - Throws: `PretextError(.corrupt)` naming the shard when a row points outside its frame
    ///   or past the shard's frames.
    @discardableResult
    func forEachBinaryRecord(_ body: (UnsafeRawBufferPointer, DocumentRow) throws -> Void) throws -> Int {
        let catalog = try unit.dataset.openCatalog(readOnly: true)
        var rows = try catalog.documentRows(shard: unit.shardID)
        let path = unit.dataset.path(unit.path)
        let reader = try ShardReader(path: path)
        var next = try rows.next()
        var records = 0
        for frame in 0..<reader.frameCount {
            try reader.withFrame(frame) { bytes in
                while let input = next, input.frame == frame {
                    let end = input.offset + input.length
                    guard input.offset >= 0, input.length >= 0, end <= bytes.count else {
                        throw Self.misplaced(frame: frame, offset: input.offset, length: input.length, path: path)
                    }
                    try body(UnsafeRawBufferPointer(rebasing: bytes[input.offset..<end]), input.row)
                    records += 1
                    next = try rows.next()
                }
            }
        }
        if let input = next {
            throw Self.misplaced(frame: input.frame, offset: input.offset, length: input.length, path: path)
        }
        return records
    }

    private static func misplaced(frame: Int, offset: Int, length: Int, path: String) -> PretextError {
        PretextError(
            .corrupt,
            "a catalog row places a record at frame \(frame), offset \(offset), length \(length), outside the "
                + "shard's frames; run `pretext verify`",
            path: path)
    }
}
