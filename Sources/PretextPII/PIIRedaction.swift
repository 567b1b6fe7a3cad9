/// What `PIIMode.redact` puts where a match was.
public enum PIIRedaction: Sendable, Hashable {
    /// Nothing: the match's bytes are removed (the text around it is left as it is, so
    /// "mail a@example.com now" becomes "mail  now").
    case remove
    /// A fixed string, the same for every type (for example `"[REDACTED]"`).
    case mask(String)

    /// The bytes written in place of each match.
    var bytes: [UInt8] {
        switch self {
        case .remove: []
        case .mask(let text): Array(text.utf8)
        }
    }
}
