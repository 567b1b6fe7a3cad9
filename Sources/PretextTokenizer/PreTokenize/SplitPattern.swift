import PretextCore

/// The pattern that splits a text into words before byte-level BPE: GPT-2's or tiktoken's
/// `cl100k_base`. Each is a hand-written scanner over UTF-8 that gives the pieces the regex
/// gives in HF tokenizers (`GPT2Splitter`, `CL100KSplitter`).
public enum SplitPattern: String, Sendable, CaseIterable, OptionChoice {
    /// GPT-2's (GPT-2, RoBERTa): HF's `ByteLevel` pre-tokenizer with `use_regex`.
    case gpt2
    /// tiktoken's `cl100k_base` (GPT-3.5 and GPT-4; Llama 3 has it too): contractions in any
    /// case, a letter run takes the punctuation mark or space before it, numbers of at most three
    /// digits, punctuation takes the newlines after it. HF writes it as a `Split` pre-tokenizer
    /// before a `ByteLevel` one that does not split.
    case cl100k

    /// The regex, as HF tokenizers and tiktoken write it.
    public var regex: String {
        switch self {
        case .gpt2: #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
        case .cl100k:
            #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
        }
    }

    /// Calls `body` with the byte range of each piece of `text` (valid UTF-8), in order.
    ///
    /// - Complexity: O(n).
    @inline(__always)
    func forEachPiece(_ text: UnsafeRawBufferPointer, _ body: (Range<Int>) throws -> Void) rethrows {
        switch self {
        case .gpt2: try GPT2Splitter.forEachPiece(text, body)
        case .cl100k: try CL100KSplitter.forEachPiece(text, body)
        }
    }
}
