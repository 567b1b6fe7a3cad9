import PretextCore

/// Reads single records of a dataset by location, for `pretext cat` and the loader.
///
/// Keeps up to `maxOpenShards` shard readers open (least recently used closed first); each
/// reader keeps its last decompressed frame, so reading records in location order costs one
/// decompression per frame. Frames are checksum-verified. Not thread safe: one fetcher per
/// thread.
public final class RecordFetcher {
    /// The dataset read from.
    public let dataset: Dataset
    /// The most shard readers kept open.
    public let maxOpenShards: Int
    private let verifyChecksums: Bool
    private var readers: [String: ShardReader] = [:]
    /// Shard paths, least recently used first.
    private var recency: [String] = []

    /// Creates a fetcher.
    public init(dataset: Dataset, maxOpenShards: Int = 16, verifyChecksums: Bool = true) {
        self.dataset = dataset
        self.maxOpenShards = max(1, maxOpenShards)
        self.verifyChecksums = verifyChecksums
    }

    /// One record's bytes.
    /// - Parameters:
    ///   - shard: the shard's path relative to the dataset root (`shards.path`).
    ///   - frame, offset, length: the location from the catalog.
    public func record(shard: String, frame: Int, offset: Int, length: Int) throws -> [UInt8] {
        try withRecord(shard: shard, frame: frame, offset: offset, length: length) { [UInt8]($0) }
    }

    /// One record's bytes, at `location` of the shard `shard` (relative to the dataset root).
    public func record(shard: String, at location: RecordLocation) throws -> [UInt8] {
        try record(shard: shard, frame: location.frame, offset: location.offset, length: location.length)
    }

    /// Calls `body` with one record's bytes, without copying; valid only inside `body`.
    /// - Throws: `.corrupt` when the location is not a whole record of its frame (inside it,
    ///   and for JSON-lines shards one whole, non-empty line).
    public func withRecord<R>(
        shard: String, frame: Int, offset: Int, length: Int, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        let lineSeparated = shard.hasSuffix(".jsonl.zst")
        let reader = try reader(for: shard)
        guard frame >= 0, frame < reader.frameCount else {
            throw PretextError(
                .corrupt,
                "the catalog locates a record in frame \(frame), but the shard has \(reader.frameCount) frames; "
                    + "run `pretext verify`", path: dataset.path(shard))
        }
        return try reader.withFrame(frame) { bytes in
            guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset,
                !lineSeparated || (length > 0 && Self.isLine(bytes, offset: offset, length: length))
            else {
                throw PretextError(
                    .corrupt,
                    "the catalog locates a record at frame \(frame) offset \(offset) length \(length), which is not "
                        + "a whole record of the frame (\(bytes.count) bytes); run `pretext verify`",
                    path: dataset.path(shard))
            }
            return try body(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
        }
    }

    /// Whether `offset..<offset+length` is one whole line of `bytes`: it starts the frame or
    /// follows a `\n`, and ends with one.
    static func isLine(_ bytes: UnsafeRawBufferPointer, offset: Int, length: Int) -> Bool {
        bytes[offset + length - 1] == 0x0A && (offset == 0 || bytes[offset - 1] == 0x0A)
    }

    /// The open reader for a shard (relative path), opening it if needed.
    /// - Throws: `.corrupt` when the path leaves the dataset folder or the file is missing
    ///   (`Dataset.shardFile`); the reader's errors.
    public func reader(for shard: String) throws -> ShardReader {
        if let reader = readers[shard] {
            if recency.last != shard, let index = recency.firstIndex(of: shard) {
                recency.remove(at: index)
                recency.append(shard)
            }
            return reader
        }
        let reader = try ShardReader(path: dataset.shardFile(shard), verifyChecksums: verifyChecksums)
        if readers.count >= maxOpenShards, !recency.isEmpty {
            readers.removeValue(forKey: recency.removeFirst())
        }
        readers[shard] = reader
        recency.append(shard)
        return reader
    }
}

extension RecordFetcher {
    /// The record of the document with this id (the first one, if ids repeat), or `nil`.
    /// - Parameter catalog: the dataset's catalog, opened by the caller.
    public func document(id: String, catalog: Catalog) throws -> [UInt8]? {
        let rows = try catalog.query(
            """
            SELECT s.path, d.frame, d.offset, d.length FROM documents d JOIN shards s ON s.id = d.shard_id
            WHERE d.id = ? ORDER BY d.rowid LIMIT 1
            """, [.text(id)])
        guard let row = rows.rows.first, let path = row[0].string, let frame = row[1].int, let offset = row[2].int,
            let length = row[3].int
        else { return nil }
        return try record(shard: path, frame: frame, offset: offset, length: length)
    }
}
