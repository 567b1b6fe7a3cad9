/// tiktoken's `cl100k_base` pre-tokenization (GPT-3.5/4; Llama 3 uses it too), as a scanner over
/// UTF-8 instead of a regex engine.
///
/// The pattern (HF tokenizers runs it through Oniguruma in a `Split` pre-tokenizer):
///
///     (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
///
/// At each position the first alternative that matches wins, each one greedy:
///
/// 1. a contraction, in any case (`'S`, `'Re`; the `s` also as `ſ` U+017F, which folds to it —
///    Oniguruma's case folding, checked over every letter against HF);
/// 2. a run of letters, with the one character before it that is not CR, LF, a letter or a
///    number (a space, a tab, an apostrophe: `" word"`, `"'word"`);
/// 3. one to three numbers;
/// 4. an optional space, a run of other characters (neither whitespace, letters nor numbers)
///    and the CRs and LFs right after it;
/// 5. whitespace up to and including the last CR or LF of the whitespace run (the regex's
///    `\s*` gives back characters until `[\r\n]+` can match);
/// 6. a whitespace run without its last character when a non-space character follows and the
///    run has more than one (`(?!\S)` lets the last one start the next piece);
/// 7. the whitespace run.
///
/// The pieces cover the text without gaps. `\s` is Unicode `White_Space`, `\p{L}` and `\p{N}`
/// the letter and number categories (`CharacterClass`), as in Oniguruma.
///
/// - Complexity: O(n): a whitespace run is read at most twice, anything else once.
enum CL100KSplitter: PieceScanner {
    /// Where the piece starting at `start` ends.
    static func pieceEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        let first = UTF8Scalars.decode(text, at: start)
        if first.value == 0x27, let contraction = contractionLength(text, at: start + 1) {
            return start + 1 + contraction
        }
        let firstClass = CharacterClass.of(first.value)
        let next = start + first.length
        let nextClass = next < text.count ? CharacterClass.of(UTF8Scalars.decode(text, at: next).value) : nil
        switch firstClass {
        case .letter:
            return runEnd(text, from: start, of: .letter)
        case .number:
            return numbersEnd(text, from: start)
        case .other:
            if nextClass == .letter { return runEnd(text, from: next, of: .letter) }
            return newlinesEnd(text, from: runEnd(text, from: start, of: .other))
        case .whitespace:
            if nextClass == .letter, !isNewline(first.value) { return runEnd(text, from: next, of: .letter) }
            if nextClass == .other, first.value == 0x20 {
                return newlinesEnd(text, from: runEnd(text, from: next, of: .other))
            }
            return whitespaceEnd(text, from: start)
        }
    }

    /// The length of `s`, `t`, `re`, `ve`, `m`, `ll` or `d` in any case (and `ſ` for `s`) at
    /// `index`, right after an apostrophe, if one is there.
    private static func contractionLength(_ text: UnsafeRawBufferPointer, at index: Int) -> Int? {
        guard index < text.count else { return nil }
        let hasNext = index + 1 < text.count
        // ſ (U+017F, LATIN SMALL LETTER LONG S, C5 BF) folds to s.
        if text[index] == 0xC5, hasNext, text[index + 1] == 0xBF { return 2 }
        let second = hasNext ? lowercased(text[index + 1]) : nil
        switch lowercased(text[index]) {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "d"): return 1
        case UInt8(ascii: "r"), UInt8(ascii: "v"): return second == UInt8(ascii: "e") ? 2 : nil
        case UInt8(ascii: "l"): return second == UInt8(ascii: "l") ? 2 : nil
        default: return nil
        }
    }

    /// `byte` lowercased if it is an ASCII letter; `nil` otherwise.
    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte
        default: nil
        }
    }

    @inline(__always)
    private static func isNewline(_ value: UInt32) -> Bool { value == 0x0A || value == 0x0D }

    /// `\p{N}{1,3}` at `start` (a number is there).
    private static func numbersEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        for _ in 0..<3 {
            guard index < text.count else { break }
            let scalar = UTF8Scalars.decode(text, at: index)
            guard CharacterClass.of(scalar.value) == .number else { break }
            index += scalar.length
        }
        return index
    }

    /// `[\r\n]*` at `start`.
    private static func newlinesEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < text.count, text[index] == 0x0A || text[index] == 0x0D { index += 1 }
        return index
    }

    /// `\s*[\r\n]+|\s+(?!\S)|\s+` at `start` (whitespace is there): the run up to and
    /// including its last CR or LF if it has one; otherwise the run, without its last character
    /// when a non-space character follows and the run has more than one.
    private static func whitespaceEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        var lastStart = start
        var afterNewline: Int?
        while index < text.count {
            let scalar = UTF8Scalars.decode(text, at: index)
            guard CharacterClass.of(scalar.value) == .whitespace else { break }
            lastStart = index
            index += scalar.length
            if isNewline(scalar.value) { afterNewline = index }
        }
        if let afterNewline { return afterNewline }
        if index == text.count || lastStart == start { return index }
        return lastStart
    }
}
