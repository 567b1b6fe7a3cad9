import PretextCore
import PretextDedupe
import PretextText

#if canImport(Glibc)
import Glibc
#endif

/// Cuts documents into the units of repeated-content dedupe and keys each unit: lines,
/// paragraphs or C4-style spans of consecutive ICU sentences.
///
/// A unit is trimmed of ASCII whitespace, normalized (`RepeatedContentSettings.normalization`:
/// by default whitespace runs collapsed to one space) and hashed with XXH3-64. Units that are
/// empty (or blank) after that, or shorter than `min_unit_chars`, are not units: they are
/// never counted and never removed. The counts phases and the filter pass use the same
/// splitter, so they see the same units. Reuses its buffers; one per task.
struct RepeatedUnitSplitter {
    let settings: RepeatedContentSettings
    private var simplifier: DedupeTextSimplifier
    /// The normalization is whitespace only: ASCII units skip the simplifier.
    private let whitespaceOnly: Bool
    private var simplified = SimplifiedText()
    private var segmenters: [String: Segmenter] = [:]
    /// Spans: the normalized sentences, joined by single spaces.
    private var joined: [UInt8] = []
    /// Spans: where each sentence starts and ends in `joined`, and its position in the text.
    private var sentences: [(start: Int, end: Int, position: Int)] = []

    init(settings: RepeatedContentSettings) {
        self.settings = settings
        simplifier = DedupeTextSimplifier(normalization: settings.normalization)
        whitespaceOnly = settings.normalization.names == ["whitespace"]
    }

    /// Replaces `layout` with the units of the UTF-8 `text`.
    ///
    /// - Parameter language: the document's `lang` (the ICU locale of sentence breaks).
    mutating func split(
        _ text: UnsafeRawBufferPointer, language: String?, into layout: inout RepeatedUnitLayout
    ) throws {
        layout.removeAll()
        switch settings.kind {
        case .lines: try splitLines(text, into: &layout)
        case .paragraphs: try splitParagraphs(text, into: &layout)
        case .spans: try splitSpans(text, language: language, into: &layout)
        }
    }

    /// The segmenter for a document's `lang` (the root locale when unknown), one per locale.
    mutating func segmenter(for language: String?) throws -> Segmenter {
        var locale = ""
        if let language, language != "un" { locale = language }
        if let cached = segmenters[locale] { return cached }
        let made = try Segmenter(locale: locale)
        // One per language seen; bounded anyway.
        if segmenters.count >= 64 { segmenters.removeAll() }
        segmenters[locale] = made
        return made
    }

    // MARK: lines and paragraphs

    private mutating func splitLines(_ text: UnsafeRawBufferPointer, into layout: inout RepeatedUnitLayout) throws {
        try Self.forEachLine(text) { content, line in
            try addUnit(text, content: content, piece: line, into: &layout)
        }
    }

    /// Paragraphs are runs of non-blank lines; a paragraph's piece runs to the start of the
    /// next paragraph (its trailing blank lines go with it) or to the end of the text.
    private mutating func splitParagraphs(
        _ text: UnsafeRawBufferPointer, into layout: inout RepeatedUnitLayout
    ) throws {
        var open: Range<Int>?
        var afterBlank = false
        try Self.forEachLine(text) { content, line in
            if UTF8Whitespace.isBlank(UnsafeRawBufferPointer(rebasing: text[content])) {
                afterBlank = true
                return
            }
            if let current = open, afterBlank {
                try addUnit(text, content: current, piece: current.lowerBound..<line.lowerBound, into: &layout)
                open = nil
            }
            open = open.map { $0.lowerBound..<content.upperBound } ?? content
            afterBlank = false
        }
        if let current = open {
            try addUnit(text, content: current, piece: current.lowerBound..<text.count, into: &layout)
        }
    }

    /// Adds the unit of `content` (removing `piece`) unless it normalizes to nothing.
    private mutating func addUnit(
        _ text: UnsafeRawBufferPointer, content: Range<Int>, piece: Range<Int>, into layout: inout RepeatedUnitLayout
    ) throws {
        let trimmed = Self.trimmed(text, content)
        guard try normalize(text, trimmed) else { return }
        guard isLongEnough(simplified.text[...]) else { return }
        let hash = simplified.text.withUnsafeBytes { RepeatedUnitCount.hash(of: $0) }
        layout.pieces.append(piece)
        layout.units.append(
            .init(hash: hash, position: trimmed.lowerBound, pieces: (layout.pieces.count - 1)..<layout.pieces.count))
    }

    // MARK: spans

    /// Every window of `span_sentences` consecutive sentences (stride 1, as datatrove's
    /// `SentenceDedup`); a document with fewer sentences has no spans.
    private mutating func splitSpans(
        _ text: UnsafeRawBufferPointer, language: String?, into layout: inout RepeatedUnitLayout
    ) throws {
        try collectSentences(text, language: language, into: &layout)
        let n = settings.spanSentences
        guard sentences.count >= n else { return }
        for first in 0...(sentences.count - n) {
            let bytes = joined[sentences[first].start..<sentences[first + n - 1].end]
            guard isLongEnough(bytes) else { continue }
            let hash = bytes.withUnsafeBytes { RepeatedUnitCount.hash(of: $0) }
            layout.units.append(.init(hash: hash, position: sentences[first].position, pieces: first..<(first + n)))
        }
    }

    /// Normalizes each non-blank sentence into `joined`; its ICU range (with the whitespace
    /// after it) becomes a piece.
    private mutating func collectSentences(
        _ text: UnsafeRawBufferPointer, language: String?, into layout: inout RepeatedUnitLayout
    ) throws {
        joined.removeAll(keepingCapacity: true)
        sentences.removeAll(keepingCapacity: true)
        for range in try segmenter(for: language).sentences(in: text) {
            let trimmed = Self.trimmed(text, range)
            guard try normalize(text, trimmed) else { continue }
            if !joined.isEmpty { joined.append(0x20) }
            let start = joined.count
            joined.append(contentsOf: simplified.text)
            sentences.append((start, joined.count, trimmed.lowerBound))
            layout.pieces.append(range)
        }
    }

    // MARK: helpers

    /// Normalizes `text[range]` into `simplified`; `false` when nothing is left.
    private mutating func normalize(_ text: UnsafeRawBufferPointer, _ range: Range<Int>) throws -> Bool {
        let slice = UnsafeRawBufferPointer(rebasing: text[range])
        if whitespaceOnly, Self.collapseASCII(slice, into: &simplified.text) { return !simplified.text.isEmpty }
        guard !UTF8Whitespace.isBlank(slice) else { return false }
        try simplifier.simplify(utf8: slice, into: &simplified)
        return !simplified.text.isEmpty
    }

    /// Collapses the whitespace runs of ASCII `bytes` to single spaces and trims them — what the
    /// simplifier's whitespace step gives for ASCII, without its token bookkeeping.
    ///
    /// - Returns: `false` (leaving `output` unspecified) at the first byte that is not ASCII.
    static func collapseASCII(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        var space = false
        for byte in bytes {
            guard byte < 0x80 else { return false }
            if isASCIISpace(byte) {
                space = !output.isEmpty
            } else {
                if space { output.append(0x20) }
                space = false
                output.append(byte)
            }
        }
        return true
    }

    /// Calls `body` with each line's content (without `\n`) and the whole line (with it).
    private static func forEachLine(
        _ text: UnsafeRawBufferPointer, _ body: (Range<Int>, Range<Int>) throws -> Void
    ) rethrows {
        guard let base = text.baseAddress else { return }
        var start = 0
        while start < text.count {
            let found = memchr(base + start, 0x0A, text.count - start)
            // memchr returns a pointer inside `text`, at or after `base + start`.
            let newline = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? text.count
            let end = min(newline + 1, text.count)
            try body(start..<newline, start..<end)
            start = end
        }
    }

    /// `range` without ASCII whitespace at either end.
    private static func trimmed(_ text: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isASCIISpace(text[lower]) { lower += 1 }
        while upper > lower, isASCIISpace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Whether normalized `bytes` hold at least `min_unit_chars` Unicode scalars (bytes that
    /// are not UTF-8 continuation bytes).
    private func isLongEnough(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard settings.minUnitChars > 0 else { return true }
        return bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } >= settings.minUnitChars
    }
}
