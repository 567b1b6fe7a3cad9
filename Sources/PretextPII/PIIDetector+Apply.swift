extension PIIDetector {
    /// Finds the personal data in `text` and appends the text, transformed by `mode`, to
    /// `output`; returns the counts per type.
    ///
    /// - `.count` appends `text` unchanged;
    /// - `.replace` writes each match's placeholder (`PIIConfig.placeholders`, cycling
    ///   through a type's list from its first entry in every call);
    /// - `.redact` writes `PIIConfig.redaction` in place of each match (nothing, or a mask).
    ///
    /// Bytes outside matches are copied as they are, so valid UTF-8 stays valid.
    /// - Parameters:
    ///   - mode: what to do with matches.
    ///   - text: UTF-8 bytes.
    ///   - output: receives the result; existing contents are kept.
    /// - Complexity: O(n).
    @discardableResult
    public func apply(_ mode: PIIMode, to text: UnsafeRawBufferPointer, into output: inout [UInt8]) -> PIICounts {
        let matches = scan(text)
        let counts = PIICounts(matches)
        guard mode != .count, !matches.isEmpty else {
            output.append(contentsOf: text)
            return counts
        }
        output.reserveCapacity(output.count + text.count)
        let mask = config.redaction.bytes
        var used = [0, 0, 0, 0, 0]  // per PIIType.index: how many placeholders of that type so far
        var copied = 0
        for match in matches {
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[copied..<match.range.lowerBound]))
            if mode == .replace {
                let list = config.placeholders.table[match.type.index]
                let index = used[match.type.index]
                output.append(contentsOf: list[index % list.count])  // list is never empty
                used[match.type.index] = index &+ 1
            } else {
                output.append(contentsOf: mask)
            }
            copied = match.range.upperBound
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[copied...]))
        return counts
    }

    /// `apply(_:to:into:)` over a byte array.
    @discardableResult
    public func apply(_ mode: PIIMode, to text: [UInt8], into output: inout [UInt8]) -> PIICounts {
        text.withUnsafeBytes { apply(mode, to: $0, into: &output) }
    }

    /// `apply(_:to:into:)` over a string: the transformed text and the counts.
    public func apply(_ mode: PIIMode, to text: String) -> (text: String, counts: PIICounts) {
        var output: [UInt8] = []
        let counts = apply(mode, to: Array(text.utf8), into: &output)
        return (String(decoding: output, as: UTF8.self), counts)
    }
}
