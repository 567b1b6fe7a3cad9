import PretextCore
import PretextStore
import PretextText

/// The final pass of repeated-content dedupe: removes each document's repeated units, keeping
/// every other byte of its text as it was.
///
/// A kept document gets the signals `dup_units_removed` (lines, paragraphs or sentences) and
/// `dup_bytes_removed` (0 when nothing was removed); when its text changed, its word, sentence,
/// line and paragraph counts and sentence boundaries (where earlier stages stored them) are
/// recomputed and its token count, now stale, is cleared. A document left blank or with fewer
/// than `min_words` words is dropped with the reason `repeated_content`.
struct RepeatedContentFilter: DocumentWorker {
    static let reason = "repeated_content"

    let settings: RepeatedContentSettings
    let set: RepeatedUnitSet
    private var splitter: RepeatedUnitSplitter
    private var layout = RepeatedUnitLayout()
    private var removed: [Bool] = []
    private var kept: [UInt8] = []

    /// What was taken out of one document.
    private struct Removal {
        var pieces = 0
        var bytes = 0
    }

    init(settings: RepeatedContentSettings, set: RepeatedUnitSet) {
        self.settings = settings
        self.set = set
        splitter = RepeatedUnitSplitter(settings: settings)
    }

    mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
        guard let rowID = row.rowID else { throw PretextError(.corrupt, "a document row has no rowid") }
        var text = document.text
        let removal = try text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            try splitter.split(bytes, language: row.lang, into: &layout)
            markRemoved(document: UInt64(rowID))
            return keepUnremoved(of: bytes)
        }
        guard removal.pieces > 0 else {
            row.setSignals(units: 0, bytes: 0)
            return .keep
        }
        return try finish(&document, row: &row, removal: removal)
    }

    /// Marks the pieces of every removed unit (a piece shared by spans goes when any of them goes).
    private mutating func markRemoved(document: UInt64) {
        removed.removeAll(keepingCapacity: true)
        removed.append(contentsOf: repeatElement(false, count: layout.pieces.count))
        for unit in layout.units where set.removes(unit.hash, document: document, position: unit.position) {
            for piece in unit.pieces { removed[piece] = true }
        }
    }

    /// Copies the bytes outside removed pieces into `kept`.
    private mutating func keepUnremoved(of text: UnsafeRawBufferPointer) -> Removal {
        kept.removeAll(keepingCapacity: true)
        var removal = Removal()
        var next = 0
        for (index, piece) in layout.pieces.enumerated() where removed[index] {
            kept.append(contentsOf: text[next..<piece.lowerBound])
            removal.pieces += 1
            removal.bytes += piece.count
            next = piece.upperBound
        }
        guard removal.pieces > 0 else { return removal }
        kept.append(contentsOf: text[next..<text.count])
        return removal
    }

    /// Keeps the shortened document (with recounted fields) or drops it when too little is left.
    private mutating func finish(
        _ document: inout Document, row: inout DocumentRow, removal: Removal
    ) throws -> DocumentVerdict {
        let text = String(decoding: kept, as: UTF8.self)
        let segmenter = try splitter.segmenter(for: row.lang)
        let counts = try kept.withUnsafeBytes { bytes in
            try row.hasSegmentCounts ? segmenter.counts(in: bytes) : TextCounts(words: segmenter.wordCount(in: bytes))
        }
        if UTF8Whitespace.isBlank(kept) || counts.words < settings.minWords {
            return .drop(reason: Self.reason, detail: detail(removal, of: row, wordsLeft: counts.words))
        }
        document.text = text
        try row.recount(counts, text: text, segmenter: segmenter)
        row.setSignals(units: removal.pieces, bytes: removal.bytes)
        return .keep
    }

    /// The drop detail: what was removed and what was left (never corpus text).
    private func detail(_ removal: Removal, of row: DocumentRow, wordsLeft: Int) -> String {
        let total = row.bytes.map { " of \($0)" } ?? ""
        let spans = settings.kind == .spans ? " in \(settings.spanSentences)-sentence spans" : ""
        return
            "removed \(removal.pieces) of \(layout.pieces.count) \(settings.pieceName) (\(removal.bytes)\(total) bytes)"
            + "\(spans) repeated more than \(settings.maxRepeats)× in the corpus; \(wordsLeft) words left, "
            + "min_words \(settings.minWords)"
    }
}

extension DocumentRow {
    /// Sets (or replaces) the repeated-content signals.
    fileprivate mutating func setSignals(units: Int, bytes: Int) {
        setSignal("dup_units_removed", .integer(Int64(units)))
        setSignal("dup_bytes_removed", .integer(Int64(bytes)))
    }

    /// Whether an earlier stage stored counts that need the full `Segmenter.counts` pass.
    fileprivate var hasSegmentCounts: Bool {
        sentences != nil || lines != nil || paragraphs != nil || sentenceBounds != nil
    }

    /// Brings the counts that earlier stages stored up to date with the shortened `text`.
    fileprivate mutating func recount(_ counts: TextCounts, text: String, segmenter: Segmenter) throws {
        if words != nil { words = counts.words }
        if sentences != nil { sentences = counts.sentences }
        if lines != nil { lines = counts.lines }
        if paragraphs != nil { paragraphs = counts.paragraphs }
        if sentenceBounds != nil { sentenceBounds = try SentenceBounds.encode(segmenter.sentences(in: text)) }
        tokens = nil
    }
}
