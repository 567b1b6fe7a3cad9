/// An error that Pretext reports to its user.
///
/// Every error names what went wrong (`code`), what to do about it (`message`), and where:
/// the file, line, byte offset or record involved, when there is one. Corpus text is never
/// put into the message: it can hold personal data.
public struct PretextError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. Extensible: new codes are new static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable, machine-readable name of the code.
        public let name: String

        /// Creates a code with a stable name.
        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// A file could not be opened, read, written, renamed or synced.
        public static let io = Code("io")
        /// Input data is malformed (a bad record, a damaged compressed stream).
        public static let malformedInput = Code("malformed_input")
        /// A shard or catalog failed an integrity check.
        public static let corrupt = Code("corrupt")
        /// A configuration value (pipeline file, option, flag) is invalid.
        public static let invalidConfiguration = Code("invalid_configuration")
        /// A compression library reported an error.
        public static let compression = Code("compression")
        /// The SQLite catalog reported an error.
        public static let catalog = Code("catalog")
        /// A size limit protecting against untrusted input was exceeded.
        public static let limitExceeded = Code("limit_exceeded")
        /// Something that should exist does not (a dataset, a shard, a stage).
        public static let notFound = Code("not_found")
        /// Another live process holds what this one needs to write (an output folder and rank).
        public static let locked = Code("locked")
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong and what to do about it; never contains corpus text.
    public var message: String
    /// The file (input, shard or catalog) involved, if any.
    public var path: String?
    /// The 1-based line in `path`, if known.
    public var line: Int?
    /// The byte offset in `path` (or in the decompressed stream), if known.
    public var offset: Int64?
    /// The underlying error, if this one wraps another.
    public var underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, path: String? = nil, line: Int? = nil,
        offset: Int64? = nil, underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.offset = offset
        self.underlying = underlying
    }

    public var description: String {
        var text = ""
        if let path {
            text += path
            if let line { text += ":\(line)" }
            if let offset { text += " (byte \(offset))" }
            text += ": "
        }
        text += message
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
