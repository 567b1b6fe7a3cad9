import PretextCore

/// Why an HTTP payload cannot become a document: the reject reason and a detail that names
/// what was wrong and where (never the text).
struct PayloadProblem: Error, Equatable {
    /// The reject reason.
    var reason: RejectReason
    /// What was wrong, with the byte offset in the payload where it helps.
    var detail: String
}
