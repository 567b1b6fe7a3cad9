import PretextCore
import PretextText

/// Simplifies documents for dedupe (`DedupeNormalization`) and splits them into tokens, in
/// one pass over the UTF-8 bytes with an ASCII fast path.
///
/// Diacritics are stripped by decomposing the text (ICU NFD) first when it has non-ASCII
/// bytes. Reuses its buffers; one per thread.
public struct DedupeTextSimplifier {
    /// The normalization applied.
    public let normalization: DedupeNormalization
    private let decomposer = UnicodeNormalizer(form: .nfd)
    private var decomposed: [UInt8] = []

    /// Creates a simplifier.
    public init(normalization: DedupeNormalization = .datatrove) {
        self.normalization = normalization
    }

    /// Simplifies `text` into `output` (its buffers are reused).
    public mutating func simplify(_ text: String, into output: inout SimplifiedText) throws {
        var text = text
        try text.withUTF8 { try simplify(utf8: UnsafeRawBufferPointer($0), into: &output) }
    }

    /// Simplifies UTF-8 bytes (valid UTF-8) into `output`.
    public mutating func simplify(utf8: UnsafeRawBufferPointer, into output: inout SimplifiedText) throws {
        output.removeAll()
        if normalization.accents, utf8.contains(where: { $0 >= 0x80 }) {
            try decomposer.normalize(utf8: utf8, into: &decomposed)
            var pass = SimplifyPass(normalization: normalization, output: output)
            decomposed.withUnsafeBytes { pass.run($0) }
            output = pass.finish()
        } else {
            var pass = SimplifyPass(normalization: normalization, output: output)
            pass.run(utf8)
            output = pass.finish()
        }
    }
}

/// One run of the simplifier over one document.
private struct SimplifyPass {
    let normalization: DedupeNormalization
    var output: SimplifiedText
    /// A separator is owed to `text` before the next character.
    private var textSpace = false
    /// A separator is owed to `tokenText` before the next character.
    private var tokenBreak = false
    private var inToken = false

    init(normalization: DedupeNormalization, output: SimplifiedText) {
        self.normalization = normalization
        self.output = output
    }

    mutating func run(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index < bytes.count {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            if normalization.digits, UnicodeClasses.isDecimalDigit(value) {
                index = Self.skipNumber(in: bytes, from: index)
                emit(0x30)
                continue
            }
            index += length
            classify(value)
        }
    }

    mutating func finish() -> SimplifiedText {
        closeToken()
        return output
    }

    private mutating func classify(_ value: UInt32) {
        if normalization.punctuation, UnicodeClasses.isPunctuation(value) {
            separate(literal: 0x20)
        } else if UnicodeClasses.isWhitespace(value) {
            separate(literal: value)
        } else if normalization.accents, UnicodeClasses.isNonspacingMark(value) {
            return
        } else if normalization.lowercase {
            lowercased(value)
        } else {
            emit(value)
        }
    }

    private mutating func lowercased(_ value: UInt32) {
        if value < 0x80 {
            emit((0x41...0x5A).contains(value) ? value + 0x20 : value)
            return
        }
        guard UnicodeClasses.changesWhenLowercased(value), let scalar = Unicode.Scalar(value) else {
            emit(value)
            return
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower.value) }
    }

    /// A separator: owed as one space when whitespace is normalized, written as is otherwise.
    private mutating func separate(literal value: UInt32) {
        if normalization.whitespace {
            textSpace = !output.text.isEmpty
        } else {
            UTF8Encoding.append(value, to: &output.text)
        }
        closeToken()
    }

    private mutating func emit(_ value: UInt32) {
        if textSpace {
            output.text.append(0x20)
            textSpace = false
        }
        UTF8Encoding.append(value, to: &output.text)
        if UnicodeClasses.isCJK(value) {
            closeToken()
            openToken()
            UTF8Encoding.append(value, to: &output.tokenText)
            output.cjkTokens += 1
            closeToken()
        } else {
            if !inToken { openToken() }
            UTF8Encoding.append(value, to: &output.tokenText)
        }
    }

    private mutating func openToken() {
        if !output.tokenText.isEmpty { output.tokenText.append(0x20) }
        output.tokenStarts.append(Int32(output.tokenText.count))
        inToken = true
    }

    private mutating func closeToken() {
        guard inToken else { return }
        output.tokenEnds.append(Int32(output.tokenText.count))
        inToken = false
    }

    /// The index after a digit run and one optional decimal part (`12`, `3.14`, `٣٫١`).
    private static func skipNumber(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = skipDigits(in: bytes, from: start)
        guard index < bytes.count else { return index }
        let (separator, length) = UTF8Decoding.scalar(in: bytes, at: index)
        guard UnicodeClasses.decimalSeparators.contains(separator), index + length < bytes.count else { return index }
        let (next, _) = UTF8Decoding.scalar(in: bytes, at: index + length)
        guard UnicodeClasses.isDecimalDigit(next) else { return index }
        index = skipDigits(in: bytes, from: index + length)
        return index
    }

    private static func skipDigits(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let (value, length) = UTF8Decoding.scalar(in: bytes, at: index)
            guard UnicodeClasses.isDecimalDigit(value) else { break }
            index += length
        }
        return index
    }
}
