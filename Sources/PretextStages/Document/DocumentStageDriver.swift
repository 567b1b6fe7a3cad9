import PretextCore
import PretextStore

#if canImport(Glibc)
import Glibc
#endif

/// Streams one task's input shards through a `DocumentWorker`, with their catalog rows
/// (`ShardDocuments`). Signal columns new to the output catalog are added before first use.
struct DocumentStageDriver<Worker: DocumentWorker> {
    let stage: String
    var worker: Worker
    let task: StageTask
    private var record: [UInt8] = []
    private var rejecter: DocumentRejecter

    init(stage: String, worker: Worker, task: StageTask) {
        self.stage = stage
        self.worker = worker
        self.task = task
        rejecter = DocumentRejecter(stage: stage, task: task)
    }

    mutating func process(_ unit: ShardUnit) throws {
        var documents = ShardDocuments(unit: unit)
        try documents.forEach { document, row, bytes, location in
            task.countRead(textBytes: document.text.utf8.count)
            try handle(&document, bytes, row: row, unit: unit, location: location)
        }
        task.finished(unit)
    }

    /// Runs the worker over `unit` for a stage that keeps every document unchanged and only
    /// adds catalog columns: the input shard is linked into the output (`StageTask.keepShard`)
    /// instead of rewritten, and only the rows are new.
    ///
    /// - Throws: `.invalidConfiguration` if the worker drops or changes a document.
    mutating func annotate(_ unit: ShardUnit) throws {
        var documents = ShardDocuments(unit: unit)
        var rows: [(DocumentRow, RecordLocation)] = []
        try documents.forEach { document, row, _, location in
            task.countRead(textBytes: document.text.utf8.count)
            let originalText = document.text
            var output = row
            guard case .keep = try worker.process(&document, row: &output), Self.sameBytes(document.text, originalText)
            else {
                throw PretextError(
                    .invalidConfiguration, "stage \(stage) changed or dropped document \(row.id) while annotating",
                    path: unit.dataset.path(unit.path))
            }
            rows.append((output, location))
        }
        try task.keepShard(unit, rows: rows)
        task.finished(unit)
    }

    private mutating func handle(
        _ document: inout Document, _ bytes: UnsafeRawBufferPointer, row: DocumentRow, unit: ShardUnit,
        location: RecordLocation
    ) throws {
        let originalText = document.text
        var output = row
        switch try worker.process(&document, row: &output) {
        case .keep:
            if !Self.sameBytes(document.text, originalText) { Self.recount(&output, text: document.text) }
            try keep(document, row: output)
        case .drop(let reason, let detail):
            try rejecter.reject(bytes, id: document.id, reason: reason, detail: detail, unit: unit, location: location)
        }
    }

    private mutating func keep(_ document: Document, row: DocumentRow) throws {
        record.removeAll(keepingCapacity: true)
        DocumentRecord.append(document, to: &record)
        try record.withUnsafeBytes { try task.keep(record: $0, row: row) }
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
