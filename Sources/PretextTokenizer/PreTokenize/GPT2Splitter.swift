/// GPT-2's pre-tokenization, as a scanner over UTF-8 instead of a regex engine.
///
/// The pattern (fixed in HF tokenizers' `ByteLevel` pre-tokenizer and in tiktoken's `gpt2`):
///
///     's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
///
/// At each position the first alternative that matches wins, each one greedy: a contraction;
/// an optional space and a run of letters, of numbers, or of other non-space characters; a
/// run of whitespace that is not followed by a non-space character (so a run before a word
/// gives up its last character, which then starts the word's piece); or a run of whitespace.
/// The pieces cover the text without gaps. `\s` is Unicode `White_Space`, `\p{L}` and `\p{N}`
/// the letter and number categories (`CharacterClass`).
///
/// - Complexity: O(n), one pass.
enum GPT2Splitter: PieceScanner {
    /// Where the piece starting at `start` ends.
    static func pieceEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        let first = UTF8Scalars.decode(text, at: start)
        if first.value == 0x27, let contraction = contractionLength(text, at: start) { return start + contraction }
        var runStart = start
        var runClass = CharacterClass.of(first.value)
        if first.value == 0x20, start + 1 < text.count {
            let next = CharacterClass.of(UTF8Scalars.decode(text, at: start + 1).value)
            if next != .whitespace {
                runStart = start + 1
                runClass = next
            }
        }
        if runClass == .whitespace { return whitespaceEnd(text, from: start) }
        return runEnd(text, from: runStart, of: runClass)
    }

    /// The length of `'s`, `'t`, `'re`, `'ve`, `'m`, `'ll` or `'d` at `index`, if one is there.
    private static func contractionLength(_ text: UnsafeRawBufferPointer, at index: Int) -> Int? {
        guard index + 1 < text.count else { return nil }
        switch text[index + 1] {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "d"):
            return 2
        case UInt8(ascii: "r"), UInt8(ascii: "v"):
            return index + 2 < text.count && text[index + 2] == UInt8(ascii: "e") ? 3 : nil
        case UInt8(ascii: "l"):
            return index + 2 < text.count && text[index + 2] == UInt8(ascii: "l") ? 3 : nil
        default:
            return nil
        }
    }

    /// `\s+(?!\S)|\s+` at `start`: the whitespace run, without its last character when a
    /// non-space character follows and the run has more than one.
    private static func whitespaceEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        var lastStart = start
        while index < text.count {
            let scalar = UTF8Scalars.decode(text, at: index)
            guard CharacterClass.of(scalar.value) == .whitespace else { break }
            lastStart = index
            index += scalar.length
        }
        if index == text.count || lastStart == start { return index }
        return lastStart
    }
}
