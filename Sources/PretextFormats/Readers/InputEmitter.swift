import PretextCore

/// Wraps an error thrown by the caller's event handler, so readers can tell it apart from
/// source failures (which become rejects) and rethrow it unchanged.
struct HandlerError: Error {
    var underlying: any Error
}

/// Delivers events to the caller's handler and keeps the counts of an `InputReadSummary`.
struct InputEmitter: ~Copyable {
    let path: String
    let rawCap: Int
    var summary = InputReadSummary()
    /// The file's byte source once open: documents are stamped with how far into the file
    /// (on disk) reading has got, for progress.
    var source: (any ByteSource)?

    init(path: String, rawCap: Int) {
        self.path = path
        self.rawCap = max(0, rawCap)
    }

    /// Reports a document.
    mutating func document(_ document: IngestedDocument, to handler: (InputEvent) throws -> Void) throws {
        summary.documents += 1
        var document = document
        document.fileOffset = source?.compressedOffset ?? document.offset
        do { try handler(.document(document)) } catch { throw HandlerError(underlying: error) }
    }

    /// Reports a reject, keeping at most `rawCap` bytes of `raw`.
    mutating func reject(
        _ reason: RejectReason, line: Int?, offset: Int64, detail: String,
        raw: UnsafeRawBufferPointer, to handler: (InputEvent) throws -> Void
    ) throws {
        let kept = Array(UnsafeRawBufferPointer(rebasing: raw[..<min(raw.count, rawCap)]))
        let reject = InputReject(
            path: path, line: line, offset: offset, reason: reason, detail: detail, raw: kept,
            rawLength: raw.count)
        try deliver(reject, to: handler)
    }

    /// Reports a reject without raw bytes.
    mutating func reject(
        _ reason: RejectReason, line: Int?, offset: Int64, detail: String,
        to handler: (InputEvent) throws -> Void
    ) throws {
        try reject(
            reason, line: line, offset: offset, detail: detail, raw: UnsafeRawBufferPointer(start: nil, count: 0),
            to: handler)
    }

    /// Reports a failure of the file's byte source (unreadable, truncated, corrupt).
    mutating func sourceFailure(_ error: ByteSourceError, to handler: (InputEvent) throws -> Void) throws {
        var failure = InputReject(
            path: path, line: nil, offset: error.compressedOffset, reason: error.rejectReason,
            detail: error.message + "; records before this point were kept")
        failure.isFileLevel = true
        try deliver(failure, to: handler)
    }

    /// Counts a reject and hands it to the caller.
    private mutating func deliver(_ reject: InputReject, to handler: (InputEvent) throws -> Void) throws {
        summary.rejects += 1
        do { try handler(.reject(reject)) } catch { throw HandlerError(underlying: error) }
    }
}
