/// A row of `drops`: a document or input record a stage did not pass on, with the reason.
public struct DropRow: Sendable, Equatable {
    /// The document id, if known.
    public var document: String?
    /// The stage that dropped it (the writer fills its own stage when `nil`).
    public var stage: String?
    /// Why (a `RejectReason` name or a rule name).
    public var reason: String
    /// More detail (a rule's measured value); never corpus text.
    public var detail: String?
    /// The input file.
    public var input: String?
    /// The 1-based line in the input file.
    public var inputLine: Int?
    /// The byte offset in the input file.
    public var inputOffset: Int?

    /// Creates a row.
    public init(
        document: String? = nil, stage: String? = nil, reason: String, detail: String? = nil, input: String? = nil,
        inputLine: Int? = nil, inputOffset: Int? = nil
    ) {
        self.document = document
        self.stage = stage
        self.reason = reason
        self.detail = detail
        self.input = input
        self.inputLine = inputLine
        self.inputOffset = inputOffset
    }
}
