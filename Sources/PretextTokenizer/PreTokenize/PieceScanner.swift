/// A byte-level pattern written as a scanner over valid UTF-8 (`GPT2Splitter`,
/// `CL100KSplitter`): it says where the piece starting at an offset ends; the pieces cover the
/// text without gaps.
protocol PieceScanner {
    /// Where the piece starting at `start` ends.
    static func pieceEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int
}

extension PieceScanner {
    /// Calls `body` with the byte range of each piece of `text` (valid UTF-8), in order.
    static func forEachPiece(_ text: UnsafeRawBufferPointer, _ body: (Range<Int>) throws -> Void) rethrows {
        var index = 0
        while index < text.count {
            let end = pieceEnd(text, from: index)
            try body(index..<end)
            index = end
        }
    }

    /// The end of the run of characters of class `kind` starting at `start`.
    static func runEnd(_ text: UnsafeRawBufferPointer, from start: Int, of kind: CharacterClass) -> Int {
        var index = start
        while index < text.count {
            let scalar = UTF8Scalars.decode(text, at: index)
            guard CharacterClass.of(scalar.value) == kind else { break }
            index += scalar.length
        }
        return index
    }
}
