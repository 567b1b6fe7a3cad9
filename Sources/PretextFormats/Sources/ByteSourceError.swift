import PretextCore

/// Why a byte source stopped early: the file could not be read, or its compressed stream
/// is truncated or damaged. Carries the file and the compressed byte offset.
public struct ByteSourceError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read.
        case unreadable
        /// The compressed stream ends before its last frame or member does.
        case truncated
        /// The compressed stream's data is damaged (or needs more memory than allowed).
        case corrupt
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file involved.
    public var path: String
    /// The offset in the file (compressed bytes) where the problem was detected.
    public var compressedOffset: Int64
    /// What happened; never contains file content.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, path: String, compressedOffset: Int64, _ message: String) {
        self.kind = kind
        self.path = path
        self.compressedOffset = compressedOffset
        self.message = message
    }

    /// The reject reason for this failure.
    public var rejectReason: RejectReason {
        switch kind {
        case .unreadable: return .unreadableFile
        case .truncated: return .truncatedInput
        case .corrupt: return .corruptInput
        }
    }

    /// The same failure as a `PretextError`.
    public var pretextError: PretextError {
        PretextError(
            kind == .unreadable ? .io : .compression, message, path: path, offset: compressedOffset)
    }

    public var description: String { "\(path) (compressed byte \(compressedOffset)): \(message)" }
}
