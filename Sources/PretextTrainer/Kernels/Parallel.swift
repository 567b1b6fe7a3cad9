import Dispatch
import Foundation
import Synchronization

/// The trainer's own loops (GELU, LayerNorm, softmax, cross-entropy, attention masking) split
/// over rows across threads.
///
/// Work is cut into chunks of a fixed number of rows, whatever the thread count; each chunk runs
/// on one thread, in order, so every row — and every per-chunk partial sum, which callers then
/// add in chunk order — is computed the same way on 1 thread as on 8: the results are bitwise
/// independent of ``threads``.
///
/// Threads come from `DispatchQueue.concurrentPerform`. Inside another `concurrentPerform`
/// libdispatch runs the iterations on the calling thread alone: slower, never different.
public enum Parallel {
    /// The thread count; the active processor count until set.
    private static let storedThreads = Atomic<Int>(ProcessInfo.processInfo.activeProcessorCount)

    /// Below this many values of work a loop runs on the calling thread (a dispatch costs a few
    /// microseconds).
    static let minimumParallelWork = 32_768

    /// The number of threads the loops use (at least 1).
    public static var threads: Int {
        get { storedThreads.load(ordering: .relaxed) }
        set { storedThreads.store(max(1, newValue), ordering: .relaxed) }
    }

    /// The number of chunks `forEachChunk` cuts `count` rows into.
    static func chunkCount(_ count: Int, chunkRows: Int) -> Int {
        (count + chunkRows - 1) / chunkRows
    }

    /// Calls `body(chunk, rows)` for each chunk of `chunkRows` consecutive rows of `0..<count`
    /// (the last one shorter), on up to ``threads`` threads when `count × rowWork` reaches
    /// ``minimumParallelWork``.
    ///
    /// `body` must write only what belongs to its rows (or to its chunk index); it may run
    /// concurrently with itself.
    static func forEachChunk(
        _ count: Int, chunkRows: Int, rowWork: Int, _ body: (_ chunk: Int, _ rows: Range<Int>) -> Void
    ) {
        let chunks = chunkCount(count, chunkRows: chunkRows)
        let workers = count * rowWork < minimumParallelWork ? 1 : min(threads, chunks)
        let rows = { @Sendable (chunk: Int) in (chunk * chunkRows)..<min(count, (chunk + 1) * chunkRows) }
        guard workers > 1 else {
            for chunk in 0..<chunks { body(chunk, rows(chunk)) }
            return
        }
        withoutActuallyEscaping(body) { body in
            // Not `Sendable`-checked: `body` is documented to run concurrently with itself on
            // disjoint rows, and `concurrentPerform` returns only after every iteration ended,
            // before `withoutActuallyEscaping` does.
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for chunk in stride(from: worker, to: chunks, by: workers) { body(chunk, rows(chunk)) }
            }
        }
    }

    /// Calls `body(rows)` for chunks of rows of `0..<count` (see `forEachChunk`), choosing the
    /// chunk size from the work per row.
    static func forEachRows(_ count: Int, rowWork: Int, _ body: (_ rows: Range<Int>) -> Void) {
        forEachChunk(count, chunkRows: chunkRows(rowWork: rowWork), rowWork: rowWork) { _, rows in body(rows) }
    }

    /// Rows per chunk: about 16 K values of work, at least one row.
    static func chunkRows(rowWork: Int) -> Int {
        max(1, 16_384 / max(1, rowWork))
    }
}
