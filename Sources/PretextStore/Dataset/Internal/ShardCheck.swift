import PretextCore
import _PretextFileSystem

/// Verifies one catalog shard against its file; see `DatasetVerifier`.
struct ShardCheck {
    let dataset: Dataset
    let catalog: Catalog
    let row: ShardRow
    /// The layout of the dataset's binary records, for shards whose records have no separator;
    /// `nil` when the dataset has none.
    let schema: RecordSchema?

    /// A catalog row pointing into the shard.
    struct Location {
        var offset: Int
        var length: Int
        var what: String
    }

    func run(into report: inout VerificationReport) {
        report.shardsChecked += 1
        if let violation = Dataset.confinementViolation(row.path) {
            return problem("path_outside_dataset", nil, violation, &report)
        }
        let path = dataset.path(row.path)
        guard FileSystem.exists(path) else {
            return problem("missing_shard", nil, "file is missing", &report)
        }
        do {
            _ = try dataset.shardFile(row.path)
        } catch let error as PretextError {
            return problem("path_outside_dataset", nil, error.message, &report)
        } catch {
            return problem("path_outside_dataset", nil, "\(error)", &report)
        }
        do {
            let digest = try Self.fileHash(path)
            if XXH64.hex(digest) != row.checksum {
                problem("file_checksum", nil, "file xxh64 \(XXH64.hex(digest)) != catalog \(row.checksum)", &report)
            }
            let reader = try ShardReader(path: path)
            try checkFrames(reader, into: &report)
        } catch let error as PretextError {
            problem("unreadable_shard", nil, error.message, &report)
        } catch {
            problem("unreadable_shard", nil, "\(error)", &report)
        }
    }

    private func checkFrames(_ reader: ShardReader, into report: inout VerificationReport) throws {
        if reader.frameCount != row.frames {
            problem("frame_count", nil, "file has \(reader.frameCount) frames, catalog says \(row.frames)", &report)
        }
        var locations = try loadLocations()
        let kind = row.kind
        // Records written without rows (an examples shard with none) have nothing to cover.
        let covered = !(kind == .examples && locations.isEmpty)
        // Variable-length records are counted by their catalog rows, one per record.
        let variableLength = schema.map { $0.recordBytes == nil } ?? false
        var records = variableLength ? locations.values.reduce(0) { $0 + $1.count } : 0
        for frame in 0..<reader.frameCount {
            report.framesChecked += 1
            do {
                try reader.withFrame(frame) { bytes in
                    records += countRecords(in: bytes, frame: frame, kind: kind, &report)
                    checkLocations(
                        locations.removeValue(forKey: frame) ?? [], frame: frame, bytes, kind, covered: covered, &report
                    )
                }
            } catch let error as PretextError {
                problem("frame_corrupt", frame, error.message, &report)
                locations.removeValue(forKey: frame)
            }
        }
        for (frame, list) in locations.sorted(by: { $0.key < $1.key }) {
            problem("bad_location", frame, "\(list.count) catalog row(s) point at a frame the shard lacks", &report)
        }
        if kind.isLineSeparated || schema != nil {
            report.recordsChecked += records
            if records != row.records {
                problem("record_count", nil, "file holds \(records) records, catalog says \(row.records)", &report)
            }
        }
        if reader.fileSize != row.bytesCompressed {
            problem(
                "bytes_compressed", nil, "file has \(reader.fileSize) bytes, catalog says \(row.bytesCompressed)",
                &report)
        }
        if reader.bytesRaw != row.bytesRaw {
            problem("bytes_raw", nil, "file holds \(reader.bytesRaw) raw bytes, catalog says \(row.bytesRaw)", &report)
        }
    }

    /// The records of one frame: separators, or whole fixed-size records (a frame that is not
    /// a whole number of records is reported).
    private func countRecords(
        in bytes: UnsafeRawBufferPointer, frame: Int, kind: ShardKind, _ report: inout VerificationReport
    ) -> Int {
        if kind.isLineSeparated { return ShardReader.count(0x0A, in: bytes) }
        guard let recordBytes = schema?.recordBytes, recordBytes > 0 else { return 0 }
        if bytes.count % recordBytes != 0 {
            problem(
                "record_size", frame, "frame of \(bytes.count) bytes is not whole records of \(recordBytes) bytes",
                &report)
        }
        return bytes.count / recordBytes
    }

    private func checkLocations(
        _ list: [Location], frame: Int, _ bytes: UnsafeRawBufferPointer, _ kind: ShardKind, covered: Bool,
        _ report: inout VerificationReport
    ) {
        var allInside = true
        for location in list {
            let inside =
                location.offset >= 0 && location.length > 0 && location.offset <= bytes.count
                && location.length <= bytes.count - location.offset
            let endsAtSeparator =
                !kind.isLineSeparated || (inside && bytes[location.offset + location.length - 1] == 0x0A)
            allInside = allInside && inside
            if !inside || !endsAtSeparator {
                problem(
                    "bad_location", frame,
                    "\(location.what) at offset \(location.offset) length \(location.length) "
                        + (inside
                            ? "does not end at a record separator" : "lies outside the frame (\(bytes.count) bytes)"),
                    &report)
            }
        }
        if covered, allInside { checkCoverage(list, frame: frame, frameBytes: bytes.count, &report) }
    }

    /// The locations of one frame must cover it exactly: each record has one row, no bytes
    /// are without a row, and no two rows share or overlap a record.
    private func checkCoverage(
        _ list: [Location], frame: Int, frameBytes: Int, _ report: inout VerificationReport
    ) {
        var expected = 0
        for location in list.sorted(by: { ($0.offset, $0.length) < ($1.offset, $1.length) }) {
            if location.offset < expected {
                problem(
                    "duplicate_row", frame,
                    "\(location.what) at offset \(location.offset) overlaps the record of another row (bytes up to \(expected))",
                    &report)
            } else if location.offset > expected {
                problem(
                    "missing_row", frame, "no catalog row locates the bytes \(expected)..<\(location.offset)", &report)
            }
            expected = max(expected, location.offset + location.length)
        }
        if expected < frameBytes {
            problem("missing_row", frame, "no catalog row locates the bytes \(expected)..<\(frameBytes)", &report)
        }
    }

    /// Document and drop locations in this shard, by frame.
    private func loadLocations() throws -> [Int: [Location]] {
        var byFrame: [Int: [Location]] = [:]
        let queries = [
            ("SELECT frame, offset, length, id FROM documents WHERE shard_id = ?", "document"),
            (
                "SELECT reject_frame, reject_offset, reject_length, document FROM drops WHERE reject_shard_id = ?",
                "drop"
            ),
        ]
        for (sql, what) in queries {
            let statement = try catalog.connection.prepare(sql)
            try statement.bind(row.id, at: 1)
            while try statement.step() {
                let label = statement.string(3).map { "\(what) \($0)" } ?? what
                byFrame[statement.int(0), default: []].append(
                    Location(offset: statement.int(1), length: statement.int(2), what: label))
            }
        }
        return byFrame
    }

    private func problem(_ kind: String, _ frame: Int?, _ message: String, _ report: inout VerificationReport) {
        report.problems.append(.init(kind: kind, shard: row.path, frame: frame, message: message))
    }

    /// XXH64 of a whole file, read in 1 MiB pieces.
    static func fileHash(_ path: String) throws -> UInt64 {
        let file = try FileDescriptor.openForReading(path)
        let size = try file.size()
        let hasher = XXH64Hasher()
        var buffer = [UInt8](repeating: 0, count: min(size, 1 << 20))
        var offset = 0
        while offset < size {
            let count = min(buffer.count, size - offset)
            try buffer.withUnsafeMutableBytes { raw in
                let piece = UnsafeMutableRawBufferPointer(rebasing: raw[0..<count])
                try file.read(into: piece, at: offset)
                hasher.update(UnsafeRawBufferPointer(piece))
            }
            offset += count
        }
        return hasher.digest()
    }
}
