import Pretext

/// The ```swift snippet of docs/audit-matching.md, compiled.
enum AuditMatchingSnippets {
    /// docs/audit-matching.md: the term matcher on one text's UTF-8 bytes.
    static func matches(in textBytes: UnsafeRawBufferPointer) throws -> [TermMatch] {
        let matcher = try TermMatcher(terms: ["he", "she", "nurse", "护士"])  // Sendable: share it
        let boundaries = try WordBoundaries()  // one per thread: it holds an ICU iterator
        var matches: [TermMatch] = []
        matcher.matches(in: textBytes, into: &matches, boundaries: boundaries)
        // TermMatch(term: index into terms, range: UTF-8 byte range)
        return matches
    }
}
