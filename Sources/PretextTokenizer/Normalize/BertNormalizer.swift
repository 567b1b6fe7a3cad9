import Foundation

/// BERT's normalization, as HF tokenizers' `BertNormalizer` applies it (`normalizers/bert.rs`),
/// in this order: clean the text (drop NUL, U+FFFD and control and format characters — general
/// category C except tab, newline and carriage return — and turn whitespace into spaces), put
/// spaces around CJK ideographs, strip accents (NFD, then drop nonspacing marks), lowercase
/// (each character's full lowercase mapping, without context).
public struct BertNormalizer: Sendable, Equatable {
    /// Drop control characters and turn whitespace into spaces.
    public var cleanText: Bool
    /// Put spaces around CJK ideographs, so each is a word.
    public var handleChineseCharacters: Bool
    /// Strip accents; `nil`: when lowercasing (BERT's uncased models).
    public var stripAccents: Bool?
    /// Lowercase.
    public var lowercase: Bool

    /// BERT uncased's normalization by default.
    public init(
        cleanText: Bool = true, handleChineseCharacters: Bool = true, stripAccents: Bool? = nil, lowercase: Bool = true
    ) {
        self.cleanText = cleanText
        self.handleChineseCharacters = handleChineseCharacters
        self.stripAccents = stripAccents
        self.lowercase = lowercase
    }

    /// `text` normalized, each scalar aligned with the original scalar it came from.
    func normalize(_ text: NormalizedText) -> NormalizedText {
        var output = NormalizedText()
        output.scalars.reserveCapacity(text.scalars.count)
        output.origins.reserveCapacity(text.scalars.count)
        let strip = stripAccents ?? lowercase
        for (scalar, origin) in zip(text.scalars, text.origins) {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) {
                    output.append(" ", from: origin)
                    continue
                }
            }
            if handleChineseCharacters, Self.isChineseCharacter(scalar.value) {
                output.append(" ", from: origin)
                output.append(scalar, from: origin)
                output.append(" ", from: origin)
                continue
            }
            for piece in strip ? Self.decomposed(scalar) : [scalar] {
                if strip, piece.properties.generalCategory == .nonspacingMark { continue }
                if lowercase {
                    for lower in Self.lowercased(piece) { output.append(lower, from: origin) }
                } else {
                    output.append(piece, from: origin)
                }
            }
        }
        return output
    }

    /// Tab, newline, carriage return, space, and every `White_Space` character.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D: true
        default: scalar.properties.isWhitespace
        }
    }

    /// General category C (control, format, surrogate, private use, unassigned), except tab,
    /// newline and carriage return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned: return true
            default: return false
            }
        }
    }

    /// The CJK Unified Ideographs blocks and their extensions and compatibility ideographs
    /// (BERT's `_is_chinese_char`): not kana or Hangul.
    static func isChineseCharacter(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2B73F).contains(value) || (0x2B740...0x2B81F).contains(value)
            || (0x2B820...0x2CEAF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x2F800...0x2FA1F).contains(value)
    }

    /// The canonical decomposition (NFD) of one scalar.
    static func decomposed(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.value < 0xC0 { return [scalar] }
        return Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// The full lowercase mapping of one scalar (no context, as Rust's `char::to_lowercase`).
    static func lowercased(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.value < 0x80 {
            // ASCII: A–Z map to a–z; the result is always a valid scalar.
            return [(0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar]
        }
        return Array(scalar.properties.lowercaseMapping.unicodeScalars)
    }
}
