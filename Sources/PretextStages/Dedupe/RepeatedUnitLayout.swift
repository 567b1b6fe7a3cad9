/// A document cut into units for repeated-content dedupe: the pieces of text a unit removes
/// and the units themselves, with their keys.
///
/// Lines and paragraphs are one piece each; a span covers `n` consecutive sentence pieces,
/// and neighbouring spans share pieces. Pieces are disjoint byte ranges of the document's
/// UTF-8 text, in order; removing a piece removes exactly its bytes.
struct RepeatedUnitLayout {
    /// One unit of a document.
    struct Unit {
        /// `RepeatedUnitCount.hash(of:)` of the unit's normalized text.
        var hash: UInt64
        /// The byte offset of the unit's first non-blank byte: its place in corpus order.
        var position: Int
        /// The indexes of the unit's pieces.
        var pieces: Range<Int>
    }

    /// What a removed unit takes out of the text: a line with its `\n`, a paragraph with the
    /// blank lines after it, a sentence with the whitespace ICU attaches to its end.
    var pieces: [Range<Int>] = []
    /// The units, in document order.
    var units: [Unit] = []

    /// Empties the layout, keeping its buffers.
    mutating func removeAll() {
        pieces.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
    }
}
