/// A stream of (decompressed) bytes read from one input file.
///
/// Implementations own a file descriptor and decompression state and free them on
/// `deinit`; one instance is used by one reader at a time.
public protocol ByteSource: AnyObject {
    /// The file being read.
    var path: String { get }
    /// How many bytes of the file (compressed bytes, for compressed files) have been consumed.
    var compressedOffset: Int64 { get }
    /// Fills the start of `buffer` with the next bytes of the stream.
    /// - Returns: the number of bytes written; 0 only at the end of the stream.
    /// - Throws: `ByteSourceError` when the file cannot be read or its stream is damaged; the
    ///   bytes returned before the error are good.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int
}
