/// Sentence ranges moved from the text's UTF-8 bytes (the catalog's `sentence_bounds`) to token
/// positions, for the example generators (`TokenDocument.sentences`).
///
/// A token belongs to the sentence holding its last character: a byte-level token such as
/// `" Next"`, whose leading space ends the sentence before, belongs to the sentence it starts
/// (`Next…`). Tokens between sentences (trimmed bounds) join the sentence before; sentences
/// without a token of their own are left out.
enum TokenSentences {
    /// The token ranges of the sentences.
    /// - Parameters:
    ///   - sentences: sentence ranges in UTF-8 bytes of `text`, sorted.
    ///   - text: the document's text.
    ///   - offsets: each token's range in Unicode scalars of `text` (`Encoding.offsets`).
    static func ranges(sentences: [Range<Int>], text: String, offsets: [Range<Int>]) -> [Range<Int>] {
        guard !offsets.isEmpty else { return [] }
        let starts = scalarOffsets(of: sentences.map(\.lowerBound), in: text)
        var ranges: [Range<Int>] = []
        var sentence = 0
        var start = 0
        for (index, offset) in offsets.enumerated() {
            let last = max(offset.lowerBound, offset.upperBound - 1)
            var next = sentence
            while next + 1 < starts.count, starts[next + 1] <= last { next += 1 }
            if next != sentence {
                if index > start { ranges.append(start..<index) }
                start = index
                sentence = next
            }
        }
        ranges.append(start..<offsets.count)
        return ranges
    }

    /// The scalar index of each UTF-8 byte offset (sorted) of `text`.
    static func scalarOffsets(of byteOffsets: [Int], in text: String) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(byteOffsets.count)
        var scalars = 0
        var byte = 0
        var next = 0
        for unit in text.utf8 {
            while next < byteOffsets.count, byteOffsets[next] <= byte {
                result.append(scalars)
                next += 1
            }
            if unit & 0xC0 != 0x80 { scalars += 1 }
            byte += 1
        }
        // Offsets at or past the end; a continuation byte counted its scalar at its lead byte.
        while next < byteOffsets.count {
            result.append(scalars)
            next += 1
        }
        return result
    }
}
