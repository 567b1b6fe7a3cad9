import PretextCore
import PretextStore

/// Streams one task's input shards through a `RecordWorker` (`ShardDocuments`): the records
/// of kept documents go to the output shards, dropped documents to `rejects/`.
struct RecordStageDriver<Worker: RecordWorker> {
    var worker: Worker
    let task: StageTask
    private var output: RecordOutput
    private var rejecter: DocumentRejecter

    init(stage: String, worker: Worker, task: StageTask) {
        self.worker = worker
        self.task = task
        output = RecordOutput(recordBytes: task.recordSchema?.recordBytes ?? 1)
        rejecter = DocumentRejecter(stage: stage, task: task)
    }

    /// Converts every document of `unit`.
    mutating func convert(_ unit: ShardUnit) throws {
        var documents = ShardDocuments(unit: unit)
        let count = try documents.forEach { document, row, bytes, location in
            output.removeAll()
            switch try worker.process(document, row: row, into: &output) {
            case .keep:
                try write(output)
                task.keepConverted()
            case .drop(let reason, let detail):
                try rejecter.reject(
                    bytes, id: document.id, reason: reason, detail: detail, unit: unit, location: location)
            }
        }
        task.finished(unit, documents: count)
    }

    /// Writes the records of one document, one by one.
    private func write(_ output: RecordOutput) throws {
        let size = output.recordBytes
        try output.bytes.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: size) {
                try task.writeRecord(UnsafeRawBufferPointer(rebasing: all[start..<start + size]))
            }
        }
    }
}
