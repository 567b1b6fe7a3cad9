/// What a loader has done so far (since it was created), for benchmarks and tests.
public struct LoaderStatistics: Sendable, Hashable {
    /// Batches returned by `next()`.
    public var batches: Int
    /// Examples in those batches.
    public var examples: Int
    /// Stored record bytes of those examples.
    public var recordBytes: Int
    /// Frames decompressed (each checksum-verified), by all threads.
    public var framesDecompressed: Int
    /// Their decompressed bytes.
    public var bytesDecompressed: Int
}
