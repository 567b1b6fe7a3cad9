import CICUShim
import PretextCore

/// Sentence and word segmentation through ICU break iterators, on UTF-8 bytes.
///
/// Boundaries follow Unicode UAX #29 as ICU implements it, with ICU's dictionaries for
/// scripts written without spaces: Chinese and Japanese (a CJK dictionary), Thai, Lao, Khmer
/// and Burmese. That happens for any locale: the dictionary is chosen by script, not by the
/// locale. The locale tailors the rules; `"en@ss=standard"` (any language, `@ss=standard`)
/// turns on ICU's sentence-break suppressions, so "Dr. Smith" or "Mr. Jones" stay one
/// sentence where the plain rules break after the period.
///
/// All ranges are UTF-8 byte offsets into the text passed in. A segmenter holds two ICU
/// iterators and is not thread-safe: make one per thread or task and reuse it across
/// documents.
public final class Segmenter {
    /// The ICU locale ID the segmenter was opened with ("" is the root locale).
    public let locale: String
    private let wordIterator: ICUBreakIterator
    private let sentenceIterator: ICUBreakIterator

    /// Opens the word and sentence iterators for `locale` (an ICU locale ID such as "",
    /// "en", "zh", "ja", "th", "en@ss=standard").
    ///
    /// - Throws: `PretextError` with code `.invalidConfiguration` if ICU cannot open them.
    public init(locale: String = "") throws {
        self.locale = locale
        wordIterator = try ICUBreakIterator(kind: PRETEXT_BREAK_WORD, locale: locale)
        sentenceIterator = try ICUBreakIterator(kind: PRETEXT_BREAK_SENTENCE, locale: locale)
    }

    /// The sentences of the UTF-8 `text`, as byte ranges.
    ///
    /// Untrimmed, the ranges are ICU's: contiguous, covering the whole text, each sentence
    /// keeping its trailing spaces and line breaks. Trimmed, each range loses its leading and
    /// trailing whitespace and whitespace-only ranges are left out.
    /// - Parameters:
    ///   - text: UTF-8 bytes (at most 2 GiB).
    ///   - trimmingWhitespace: Whether to trim whitespace off each sentence.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    /// - Complexity: O(n) in the length of `text`.
    public func sentences(in text: UnsafeRawBufferPointer, trimmingWhitespace: Bool = false) throws -> [Range<Int>] {
        var result: [Range<Int>] = []
        try sentenceIterator.forEachSegment(in: text, wantStatus: false) { start, end, _ in
            if trimmingWhitespace {
                if let trimmed = UTF8Scan.trimmed(text, start..<end) { result.append(trimmed) }
            } else {
                result.append(start..<end)
            }
        }
        return result
    }

    /// The words of the UTF-8 `text`, in order.
    ///
    /// A word is a segment ICU's word iterator gives a word status: letters, numbers, kana or
    /// ideographs (dictionary words for Chinese, Japanese and Thai). Whitespace is never
    /// returned; punctuation, symbols and emoji come back as `.other` when
    /// `includingPunctuation` is true.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    /// - Complexity: O(n) in the length of `text`.
    public func words(in text: UnsafeRawBufferPointer, includingPunctuation: Bool = false) throws -> [Word] {
        var result: [Word] = []
        try wordIterator.forEachSegment(in: text, wantStatus: true) { start, end, status in
            let kind = Word.Kind(ruleStatus: status)
            if kind == .other {
                guard includingPunctuation, !UTF8Whitespace.isBlank(UnsafeRawBufferPointer(rebasing: text[start..<end]))
                else { return }
            }
            result.append(Word(range: start..<end, kind: kind))
        }
        return result
    }

    /// Appends the end of every segment of ICU's word iterator over the UTF-8 `text` (words,
    /// punctuation and whitespace alike; the last is the text's end), plus `offset`, to
    /// `boundaries`: every word boundary after the text's start, without building `Word`s.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    public func appendWordBoundaries(
        in text: UnsafeRawBufferPointer, offset: Int = 0, to boundaries: inout [Int]
    ) throws {
        try wordIterator.forEachSegment(in: text, wantStatus: false) { _, end, _ in boundaries.append(offset + end) }
    }

    /// The number of words of the UTF-8 `text` (what `words(in:)` would return, without
    /// building the array).
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    public func wordCount(in text: UnsafeRawBufferPointer) throws -> Int {
        var count = 0
        try wordIterator.forEachSegment(in: text, wantStatus: true) { _, _, status in
            if status >= 100 { count += 1 }
        }
        return count
    }

    /// Characters, words, sentences, lines and paragraphs of the UTF-8 `text` in one call.
    ///
    /// See `TextCounts` for what each count means.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    /// - Complexity: O(n) in the length of `text` (one byte scan and two ICU passes).
    public func counts(in text: UnsafeRawBufferPointer) throws -> TextCounts {
        var counts = UTF8Scan.lineCounts(text)
        counts.words = try wordCount(in: text)
        var sentences = 0
        try sentenceIterator.forEachSegment(in: text, wantStatus: false) { start, end, _ in
            if !UTF8Whitespace.isBlank(UnsafeRawBufferPointer(rebasing: text[start..<end])) { sentences += 1 }
        }
        counts.sentences = sentences
        return counts
    }

    /// The sentences of `text` as byte ranges into its UTF-8 view; see `sentences(in:trimmingWhitespace:)`.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    public func sentences(in text: String, trimmingWhitespace: Bool = false) throws -> [Range<Int>] {
        var text = text
        return try text.withUTF8 {
            try sentences(in: UnsafeRawBufferPointer($0), trimmingWhitespace: trimmingWhitespace)
        }
    }

    /// The words of `text` as byte ranges into its UTF-8 view; see `words(in:includingPunctuation:)`.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    public func words(in text: String, includingPunctuation: Bool = false) throws -> [Word] {
        var text = text
        return try text.withUTF8 {
            try words(in: UnsafeRawBufferPointer($0), includingPunctuation: includingPunctuation)
        }
    }

    /// The counts of `text`; see `counts(in:)`.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB.
    public func counts(in text: String) throws -> TextCounts {
        var text = text
        return try text.withUTF8 { try counts(in: UnsafeRawBufferPointer($0)) }
    }
}
