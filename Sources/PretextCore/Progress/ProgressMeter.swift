/// One task's progress counts, buffered and flushed to the step's shared `Progress`.
///
/// A task counts every document it reads (`count`); the meter hands its counts to the shared
/// reporter once `flushInterval` seconds have passed since the last hand-over, so the
/// status line moves while a single large shard or file is read, and the shared lock is
/// taken about ten times a second per task, not once per document. Owned by one task (one
/// thread); not `Sendable`.
public struct ProgressMeter {
    /// Seconds between hand-overs to the shared reporter.
    public static let flushInterval = 0.1

    private let progress: Progress
    private var documents: Int64 = 0
    private var textBytes: Int64 = 0
    private var inputBytes: Int64 = 0
    private var lastFlush: Double

    /// A meter feeding `progress`.
    public init(_ progress: Progress) {
        self.progress = progress
        lastFlush = progress.isSilent ? 0 : progress.clock()
    }

    /// Counts `documents` read with `textBytes` of text and `inputBytes` of input on disk;
    /// flushes when `flushInterval` has passed.
    public mutating func count(documents: Int = 1, textBytes: Int, inputBytes: Int64 = 0) {
        guard !progress.isSilent else { return }
        self.documents += Int64(documents)
        self.textBytes += Int64(textBytes)
        self.inputBytes += inputBytes
        let now = progress.clock()
        if now - lastFlush >= Self.flushInterval { flush(at: now) }
    }

    /// Hands every count not yet handed over to the shared reporter.
    public mutating func flush() {
        guard !progress.isSilent else { return }
        flush(at: progress.clock())
    }

    private mutating func flush(at now: Double) {
        lastFlush = now
        guard documents != 0 || textBytes != 0 || inputBytes != 0 else { return }
        progress.add(documents: documents, textBytes: textBytes, inputBytes: inputBytes)
        documents = 0
        textBytes = 0
        inputBytes = 0
    }
}
