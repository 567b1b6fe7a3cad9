import PretextCore
import PretextStore

/// Puts the documents a stage drops into `rejects/` whole (the audit reads their text back),
/// with the reason and detail in the catalog's `drops`: the drop path every driver shares.
struct DocumentRejecter {
    let stage: String
    let task: StageTask
    /// The reject record being built (reused).
    var record: [UInt8] = []

    /// Rejects the document `id` whose record `bytes` sits at `location` of `unit`.
    mutating func reject(
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
}

extension StageTask {
    /// Counts the finished input shard `unit` in the progress line's ETA and the run's counts
    /// (a shard split across tasks counts once, with its first frames). Its documents were
    /// counted one by one (`countRead`).
    func finished(_ unit: ShardUnit) {
        countInput(bytes: unit.bytes)
        flushProgress()
        finishedInput(bytes: unit.bytes, files: (unit.frames?.lowerBound ?? 0) == 0 ? 1 : 0)
    }
}
