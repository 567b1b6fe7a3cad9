import PretextStore

/// A change made to each example as it is loaded, on the worker threads, before collation: the
/// place for RoBERTa-style dynamic masking (new masks every epoch), and for anything else that
/// depends only on the record, the example and the seed.
///
/// The output must be a function of the arguments alone (no shared state, no clock, no
/// unseeded randomness), so that batches stay identical whatever the number of workers and
/// after a resume. Called concurrently from several threads.
public protocol ExampleTransform: Sendable {
    /// The layout of the records the transform writes, given that of the records it reads; it
    /// must be of fixed size. The default keeps the input layout.
    func outputSchema(for input: RecordSchema) throws -> RecordSchema

    /// Writes the transformed `record` of `example` into `output` (`outputSchema`'s size).
    /// - Parameters:
    ///   - record: the stored record (the input schema's size).
    ///   - example: which example it is (source, epoch, index).
    ///   - seed: the loader seed.
    ///   - output: where to write the result; zeroed before each call.
    func transform(
        _ record: UnsafeRawBufferPointer, example: ExampleKey, seed: UInt64, into output: UnsafeMutableRawBufferPointer
    ) throws
}

extension ExampleTransform {
    /// Keeps the input layout.
    public func outputSchema(for input: RecordSchema) throws -> RecordSchema { input }
}
