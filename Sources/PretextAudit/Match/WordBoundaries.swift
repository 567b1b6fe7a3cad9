import PretextText

/// Decides whether a match lies on word boundaries: the per-thread part of term matching.
///
/// Two rules, chosen by the character at each end of the term:
/// - A letter, digit or mark of a script written with spaces (Latin, Cyrillic, Greek,
///   Arabic, Hangul…): the neighbouring character must not be a letter, digit or mark of
///   such a script. Punctuation, whitespace, symbols, the text's ends and characters of the
///   dictionary scripts all separate words, so "he" is found in "he's", "(he)" and "“He”" but
///   not in "the" or "he2".
/// - A character of a script written without spaces (Han, Hiragana, Katakana, Thai, Lao,
///   Khmer, Myanmar): the end must be a word boundary as ICU's dictionary segmentation
///   places it. When the neighbour is outside those scripts that is always so and no ICU call
///   is made; otherwise the run of such characters around the match is segmented once (and
///   cached while later matches fall in the same run). Documents without such matches are
///   never segmented.
///
/// Ends in punctuation or symbols ("#metoo", "-ism") need nothing of their neighbour.
///
/// A `WordBoundaries` holds an ICU word iterator and is not thread-safe: make one per thread
/// or task and reuse it across documents.
public final class WordBoundaries {
    private let segmenter: Segmenter
    /// The dictionary run segmented last, in the current text.
    private var run: Range<Int> = 0..<0
    /// The word boundaries inside `run`, ascending (its ends included).
    private var runBoundaries: [Int] = []
    /// How many runs have been segmented since creation (for tests: none without CJK hits).
    private(set) var segmentedRuns = 0

    /// Opens the ICU word iterator for `locale` (an ICU locale ID; ICU picks the dictionary
    /// by script, so "" serves Chinese, Japanese and Thai alike).
    ///
    /// - Throws: `PretextError` with code `.invalidConfiguration` if ICU cannot open it.
    public init(locale: String = "") throws {
        segmenter = try Segmenter(locale: locale)
    }

    /// Forgets the cached run: call before each new text.
    func reset() {
        run = 0..<0
        runBoundaries.removeAll(keepingCapacity: true)
    }

    /// Whether the match of `pattern` over `range` of `text` lies on word boundaries.
    func accepts(_ range: Range<Int>, _ pattern: TermPattern, in text: UnsafeRawBufferPointer) -> Bool {
        accepts(pattern.leading, UTF8Neighbors.kind(before: range.lowerBound, in: text), range.lowerBound, text)
            && accepts(pattern.trailing, UTF8Neighbors.kind(at: range.upperBound, in: text), range.upperBound, text)
    }

    /// Whether a term edge of kind `edge` may sit next to a `neighbor` at `offset`.
    private func accepts(
        _ edge: TermEdge, _ neighbor: ScalarKind, _ offset: Int, _ text: UnsafeRawBufferPointer
    )
        -> Bool
    {
        switch (edge, neighbor) {
        case (.free, _): true
        case (.spaced, .other), (.spaced, .dictionary): true
        case (.spaced, _): false
        case (.dictionary, .other), (.dictionary, .word): true
        case (.dictionary, _): isDictionaryBoundary(offset, in: text)
        }
    }

    /// Whether ICU puts a word boundary at `offset`, inside a run of dictionary characters.
    private func isDictionaryBoundary(_ offset: Int, in text: UnsafeRawBufferPointer) -> Bool {
        if !(run.lowerBound < offset && offset < run.upperBound) { segmentRun(around: offset, in: text) }
        var low = 0
        var high = runBoundaries.count
        while low < high {
            let middle = (low + high) / 2
            if runBoundaries[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low < runBoundaries.count && runBoundaries[low] == offset
    }

    /// Finds the run of dictionary characters and marks around `offset` and segments it.
    ///
    /// ICU's dictionary engine sees exactly such a run, so its boundaries inside the run are
    /// the ones a segmentation of the whole text would give. A run over 2 GiB, which ICU
    /// refuses, yields no boundaries inside it (no matches there).
    private func segmentRun(around offset: Int, in text: UnsafeRawBufferPointer) {
        var start = offset
        while start > 0, Self.isInRun(UTF8Neighbors.kind(before: start, in: text)) {
            start -= UTF8Neighbors.length(before: start, in: text)
        }
        var end = offset
        while end < text.count, Self.isInRun(UTF8Neighbors.kind(at: end, in: text)) {
            end += UTF8Neighbors.length(at: end, in: text)
        }
        run = start..<end
        runBoundaries.removeAll(keepingCapacity: true)
        runBoundaries.append(start)
        do {
            try segmenter.appendWordBoundaries(
                in: UnsafeRawBufferPointer(rebasing: text[run]), offset: start, to: &runBoundaries)
        } catch {
            runBoundaries.removeAll(keepingCapacity: true)
            runBoundaries += [start, end]
        }
        segmentedRuns += 1
    }

    private static func isInRun(_ kind: ScalarKind) -> Bool { kind == .dictionary || kind == .mark }
}
