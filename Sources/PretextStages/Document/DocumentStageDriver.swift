import PretextCore
import PretextStore

#if canImport(Glibc)
import Glibc
#endif

/// Streams one task's input shards through a `DocumentWorker`, with their catalog rows.
///
/// Records and catalog rows are read side by side in storage order (shard, frame, offset);
/// a row that does not match its record means the dataset is damaged, and the task fails
/// naming the shard. Signal columns new to the output catalog are added before first use.
struct DocumentStageDriver<Worker: DocumentWorker> {
    let stage: String
    var worker: Worker
    let task: StageTask
    private var scanner = JSONScanner()
    private var record: [UInt8] = []
    private var knownColumns: Set<String> = []

    init(stage: String, worker: Worker, task: StageTask) {
        self.stage = stage
        self.worker = worker
        self.task = task
    }

    mutating func process(_ unit: ShardUnit) throws {
        let catalog = try unit.dataset.openCatalog(readOnly: true)
        var rows = try CatalogRowCursor(catalog: catalog, shardID: unit.shardID)
        let reader = try ShardReader(path: unit.dataset.path(unit.path))
        var documents = 0
        try reader.forEachRecord { bytes, location in
            guard let input = try rows.next(), input.frame == location.frame, input.offset == location.offset else {
                throw PretextError(
                    .corrupt,
                    "the catalog has no document row for the record at frame \(location.frame), "
                        + "offset \(location.offset); run `pretext verify`",
                    path: unit.dataset.path(unit.path))
            }
            try handle(bytes, row: input.row, unit: unit, location: location)
            documents += 1
        }
        if try rows.next() != nil {
            throw PretextError(
                .corrupt, "the catalog lists more documents than the shard holds; run `pretext verify`",
                path: unit.dataset.path(unit.path))
        }
        task.reportProgress(documents: documents, bytes: unit.bytes)
        task.finishedInput(bytes: unit.bytes)
    }

    private mutating func handle(
        _ bytes: UnsafeRawBufferPointer, row: DocumentRow, unit: ShardUnit, location: RecordLocation
    ) throws {
        var document: Document
        do {
            document = try DocumentRecord.decode(bytes, scanner: &scanner)
        } catch {
            throw PretextError(
                .corrupt, "a document record cannot be read: \(error.message)", path: unit.dataset.path(unit.path))
        }
        let originalText = document.text
        var output = row
        switch try worker.process(&document, row: &output) {
        case .keep:
            if !Self.sameBytes(document.text, originalText) { Self.recount(&output, text: document.text) }
            try keep(document, row: output)
        case .drop(let reason, let detail):
            try drop(bytes, id: document.id, reason: reason, detail: detail, unit: unit, location: location)
        }
    }

    private mutating func keep(_ document: Document, row: DocumentRow) throws {
        for signal in row.signals where !knownColumns.contains(signal.name) {
            try ensureColumn(signal.name, for: signal.value)
        }
        record.removeAll(keepingCapacity: true)
        DocumentRecord.append(document, to: &record)
        try record.withUnsafeBytes { try task.keep(record: $0, row: row) }
    }

    /// Dropped documents go to `rejects/` whole (the audit needs their text), with the reason.
    private mutating func drop(
        _ bytes: UnsafeRawBufferPointer, id: String, reason: String, detail: String, unit: ShardUnit,
        location: RecordLocation
    ) throws {
        let input = unit.dataset.path(unit.path)
        let reject = RejectRecord(
            stage: stage, reason: RejectReason(reason), input: input, line: nil, offset: Int64(location.offset),
            detail: detail, raw: Array(bytes))
        record.removeAll(keepingCapacity: true)
        reject.append(to: &record, rawCap: Int.max)
        let drop = DropRow(document: id, reason: reason, detail: detail, input: input, inputOffset: location.offset)
        try record.withUnsafeBytes { try task.reject(record: $0, drop: drop) }
    }

    private mutating func ensureColumn(_ name: String, for value: SQLValue) throws {
        let type: String
        switch value {
        case .null: return
        case .integer: type = "INTEGER"
        case .real: type = "REAL"
        case .text: type = "TEXT"
        case .blob: type = "BLOB"
        }
        guard let catalog = task.writer.catalog else {
            throw PretextError(.catalog, "the task's catalog part is not open")
        }
        _ = try catalog.ensureColumn(table: "documents", name: name, type: type)
        knownColumns.insert(name)
    }

    /// Whether two strings hold the same UTF-8 bytes (`==` on strings is canonical equivalence,
    /// which normalization preserves; this is `memcmp`).
    private static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in
                // Both buffers are non-empty when the base addresses are unwrapped.
                a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    /// Byte and character counts follow the text when a stage changes it.
    private static func recount(_ row: inout DocumentRow, text: String) {
        row.bytes = text.utf8.count
        row.chars = text.unicodeScalars.count
    }
}
