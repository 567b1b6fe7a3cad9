import Foundation

/// BERT's normalization and pre-tokenization in one pass over a text's scalars, calling back
/// with each word's UTF-8 bytes: what `BertPreTokenizer.words(normalizer.normalize(text))`
/// gives, without the aligned `NormalizedText` or a `String` per word. The word counting of
/// WordPiece training runs through it.
///
/// ASCII is classified inline and the rest of the Basic Multilingual Plane by a table built
/// once from the same predicates the plain path uses (`CharacterFlags`); characters that
/// decompose or change case, and those beyond the BMP, take the plain path's functions.
struct BertWordScanner {
    let normalizer: BertNormalizer
    private var word: [UInt8] = []

    init(normalizer: BertNormalizer) {
        self.normalizer = normalizer
        word.reserveCapacity(64)
    }

    /// Calls `body` with the bytes of each word of `text`, in order.
    mutating func forEachWord(in text: String, _ body: (UnsafeRawBufferPointer) -> Void) {
        let strip = normalizer.stripAccents ?? normalizer.lowercase
        word.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                ascii(value, body)
                continue
            }
            let flags = CharacterFlags.of(value)
            if normalizer.cleanText {
                if value == 0xFFFD || flags.contains(.control) { continue }
                if flags.contains(.whitespace) {
                    flush(body)
                    continue
                }
            }
            if normalizer.handleChineseCharacters, BertNormalizer.isChineseCharacter(value) {
                flush(body)
                append(scalar, flags: flags, body)
                flush(body)
                continue
            }
            if (strip && flags.contains(.decomposes)) || (normalizer.lowercase && flags.contains(.changesCase)) {
                slowPath(scalar, strip: strip, body)
            } else if !(strip && flags.contains(.nonspacingMark)) {
                append(scalar, flags: flags, body)
            }
        }
        flush(body)
    }

    /// An ASCII character: the normalizer's cleaning and lowercasing, then the pre-tokenizer.
    @inline(__always)
    private mutating func ascii(_ value: UInt32, _ body: (UnsafeRawBufferPointer) -> Void) {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D:
            flush(body)
        case 0x00..<0x20, 0x7F:
            // Controls: dropped when cleaning; else 0x0B and 0x0C are still whitespace.
            if normalizer.cleanText { return }
            if value == 0x0B || value == 0x0C { return flush(body) }
            word.append(UInt8(value))
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
            punctuation(UInt8(value), body)
        case 0x41...0x5A:
            word.append(UInt8(normalizer.lowercase ? value + 0x20 : value))
        default:
            word.append(UInt8(value))
        }
    }

    /// The plain path's decomposition and lowercasing of one character, each result through
    /// the pre-tokenizer.
    private mutating func slowPath(_ scalar: Unicode.Scalar, strip: Bool, _ body: (UnsafeRawBufferPointer) -> Void) {
        for piece in strip ? BertNormalizer.decomposed(scalar) : [scalar] {
            if strip, piece.properties.generalCategory == .nonspacingMark { continue }
            for output in normalizer.lowercase ? BertNormalizer.lowercased(piece) : [piece] {
                if output.value < 0x80 {
                    // Lowercasing and decomposition give ASCII letters and marks, never a
                    // control: classify it as the pre-tokenizer does.
                    pretokenizeASCII(output.value, body)
                } else {
                    append(output, flags: CharacterFlags.of(output.value), body)
                }
            }
        }
    }

    private mutating func pretokenizeASCII(_ value: UInt32, _ body: (UnsafeRawBufferPointer) -> Void) {
        if BertNormalizer.isWhitespace(Unicode.Scalar(UInt8(value))) {
            flush(body)
        } else if BertPreTokenizer.isPunctuation(Unicode.Scalar(UInt8(value))) {
            punctuation(UInt8(value), body)
        } else {
            word.append(UInt8(value))
        }
    }

    /// A normalized non-ASCII character into the pre-tokenizer: a boundary, a word of its own,
    /// or part of the current word.
    @inline(__always)
    private mutating func append(
        _ scalar: Unicode.Scalar, flags: CharacterFlags, _ body: (UnsafeRawBufferPointer) -> Void
    ) {
        if flags.contains(.whitespace) { return flush(body) }
        if flags.contains(.punctuation) {
            flush(body)
            appendUTF8(scalar)
            return flush(body)
        }
        appendUTF8(scalar)
    }

    private mutating func punctuation(_ byte: UInt8, _ body: (UnsafeRawBufferPointer) -> Void) {
        flush(body)
        word.append(byte)
        flush(body)
    }

    @inline(__always)
    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { word.append($0) }
    }

    @inline(__always)
    private mutating func flush(_ body: (UnsafeRawBufferPointer) -> Void) {
        guard !word.isEmpty else { return }
        word.withUnsafeBytes(body)
        word.removeAll(keepingCapacity: true)
    }
}

/// What BERT's normalizer and pre-tokenizer need to know of a non-ASCII character, from the
/// plain path's predicates: a table for the Basic Multilingual Plane, computed beyond it.
struct CharacterFlags: OptionSet, Sendable {
    let rawValue: UInt8

    /// General category C except tab, newline, carriage return (`BertNormalizer.isControl`).
    static let control = CharacterFlags(rawValue: 1)
    /// `BertNormalizer.isWhitespace`.
    static let whitespace = CharacterFlags(rawValue: 2)
    /// `BertPreTokenizer.isPunctuation`.
    static let punctuation = CharacterFlags(rawValue: 4)
    /// General category Mn.
    static let nonspacingMark = CharacterFlags(rawValue: 8)
    /// The canonical decomposition is not the character itself.
    static let decomposes = CharacterFlags(rawValue: 16)
    /// The lowercase mapping is not the character itself.
    static let changesCase = CharacterFlags(rawValue: 32)

    /// The flags of the scalar `value` (a valid scalar).
    @inline(__always)
    static func of(_ value: UInt32) -> CharacterFlags {
        value < 0x1_0000 ? CharacterFlags(rawValue: table[Int(value)]) : computed(value)
    }

    private static let table: [UInt8] = (0..<0x1_0000).map { value in
        (0xD800...0xDFFF).contains(value) ? control.rawValue : computed(UInt32(value)).rawValue
    }

    /// The flags from the plain path's predicates.
    static func computed(_ value: UInt32) -> CharacterFlags {
        guard let scalar = Unicode.Scalar(value) else { return .control }
        var flags: CharacterFlags = []
        if BertNormalizer.isControl(scalar) { flags.insert(.control) }
        if BertNormalizer.isWhitespace(scalar) { flags.insert(.whitespace) }
        if BertPreTokenizer.isPunctuation(scalar) { flags.insert(.punctuation) }
        if scalar.properties.generalCategory == .nonspacingMark { flags.insert(.nonspacingMark) }
        if BertNormalizer.decomposed(scalar) != [scalar] { flags.insert(.decomposes) }
        if BertNormalizer.lowercased(scalar) != [scalar] { flags.insert(.changesCase) }
        return flags
    }
}
