/// Where the charset of a WARC response's payload came from, in the order they are tried.
public enum CharsetSource: String, Sendable, Equatable, CaseIterable {
    /// A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) at the start of the payload.
    case bom
    /// The `charset` parameter of the HTTP `Content-Type` header.
    case header
    /// The page's `<meta charset>`, `<meta http-equiv="Content-Type">` or XML declaration.
    case meta
    /// No label, and the payload is valid UTF-8 (ASCII included).
    case utf8 = "valid_utf8"
    /// ICU's charset detector, at or above the confidence floor.
    case detected
    /// Nothing else applied: Windows-1252, which decodes every byte (browsers' default for
    /// unlabeled pages in most locales).
    case fallback
}
