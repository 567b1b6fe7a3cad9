import PretextCore
import PretextStore

/// Streams one task's input shards through a `RecordWorker` (`ShardDocuments`): the records
/// of kept documents go to the output shards, dropped documents to `rejects/`.
struct RecordStageDriver<Worker: RecordWorker> {
    var worker: Worker
    let task: StageTask
    private var output: RecordOutput
    private var rejecter: DocumentRejecter

    init(stage: String, worker: Worker, task: StageTask, schema: RecordSchema) {
        self.worker = worker
        self.task = task
        output = RecordOutput(schema: schema)
        rejecter = DocumentRejecter(stage: stage, task: task)
    }

    /// Converts every document of `unit`.
    mutating func convert(_ unit: ShardUnit) throws {
        var documents = ShardDocuments(unit: unit)
        try documents.forEach { document, row, bytes, location in
            task.countRead(textBytes: document.text.utf8.count)
            output.removeAll()
            var row = row
            switch try worker.process(document, row: &row, into: &output) {
            case .keep:
                try write(output, row: row)
            case .drop(let reason, let detail):
                try rejecter.reject(
                    bytes, id: document.id, reason: reason, detail: detail, unit: unit, location: location)
            }
        }
        task.finished(unit)
    }

    /// Writes the records of one kept document: fixed-size records alone, a variable-length
    /// record with the document's row.
    private func write(_ output: RecordOutput, row: DocumentRow) throws {
        if output.recordBytes == nil {
            guard output.count == 1 else {
                throw PretextError(
                    .invalidConfiguration,
                    "\(task.stage): a kept document must become exactly one record of a variable-length layout")
            }
            try output.forEach { try task.keepRecord($0, row: row) }
        } else {
            try output.forEach { try task.writeRecord($0) }
            task.keepConverted()
        }
    }
}
