/// Finds personal data in UTF-8 text: e-mail addresses, IPv4 and IPv6 addresses, phone
/// numbers and payment card numbers.
///
/// Hand-written scanners over the bytes, no regular expressions: one pass that jumps
/// between trigger bytes (digits, `@`, `:`, `+`, `(`), so ordinary prose is skipped at
/// memory speed and every input, however pathological (megabytes of digits, dots or `@`),
/// costs linear time. The rules of each type, and where they differ from datatrove's
/// `PIIFormatter`, are in docs/stages/pii.md.
///
/// A detector is an immutable value: share it between threads freely.
///
/// ```swift
/// let detector = PIIDetector(PIIConfig(placeholders: .tags))
/// var output: [UInt8] = []
/// let counts = detector.apply(.replace, to: Array("mail zhang@example.com".utf8), into: &output)
/// // output == "mail <EMAIL>", counts.email == 1
/// ```
public struct PIIDetector: Sendable {
    /// What the detector looks for and writes.
    public let config: PIIConfig

    /// Creates a detector.
    public init(_ config: PIIConfig = .default) {
        self.config = config
    }

    /// The matches in `utf8`, sorted by position and never overlapping.
    ///
    /// Invalid UTF-8 is fine: the scanners only look at ASCII bytes, and every non-ASCII
    /// byte counts as a word boundary (so `请联系zhang@example.com` is found).
    /// - Complexity: O(n) in the length of `utf8`.
    public func scan(_ utf8: UnsafeRawBufferPointer) -> [PIIMatch] {
        guard let raw = utf8.baseAddress, !utf8.isEmpty, !config.types.isEmpty else { return [] }
        let base = raw.assumingMemoryBound(to: UInt8.self)  // bytes are always bindable to UInt8
        return withUnsafeTemporaryAllocation(of: NumberGroup.self, capacity: Scanner.maxGroups) { groups in
            var scanner = Scanner(
                base: base, count: utf8.count, types: config.types, globalIPsOnly: config.ipScope == .global,
                groups: groups.baseAddress!)  // capacity > 0, so the allocation has an address
            scanner.run()
            return scanner.matches
        }
    }

    /// The matches in `bytes`; see `scan(_:)`.
    public func scan(_ bytes: [UInt8]) -> [PIIMatch] {
        bytes.withUnsafeBytes { scan($0) }
    }

    /// The matches in `text` (byte ranges into its UTF-8); see `scan(_:)`.
    public func scan(_ text: String) -> [PIIMatch] {
        var text = text
        return text.withUTF8 { scan(UnsafeRawBufferPointer($0)) }
    }

    /// How many matches of each type `utf8` holds (what `.count` mode reports).
    /// - Complexity: O(n).
    public func counts(_ utf8: UnsafeRawBufferPointer) -> PIICounts {
        PIICounts(scan(utf8))
    }
}
