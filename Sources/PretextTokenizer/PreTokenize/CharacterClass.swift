/// What the GPT-2 pre-tokenizer pattern asks of a character: `\p{L}`, `\p{N}`, `\s`, or none.
///
/// Letters are the general categories Lu, Ll, Lt, Lm and Lo; numbers Nd, Nl and No; whitespace
/// the Unicode `White_Space` property (what `\s` means in the regex engines HF tokenizers and
/// tiktoken use). Looked up in a two-stage table over every code point, built once from the
/// standard library's Unicode data.
enum CharacterClass: UInt8, Sendable {
    case other = 0
    case letter = 1
    case number = 2
    case whitespace = 3

    /// The class of code point `value` (any `UInt32`; values past U+10FFFF are `other`).
    @inline(__always)
    static func of(_ value: UInt32) -> CharacterClass {
        if value < 0x80 { return ascii[Int(value)] }
        guard value < 0x11_0000 else { return .other }
        // The tables cover every block of 256 code points below U+110000.
        let block = Int(table.index[Int(value >> 8)])
        return CharacterClass(rawValue: table.blocks[block << 8 | Int(value & 0xFF)]) ?? .other
    }

    /// The class of a scalar from its Unicode properties (the plain version of `of`).
    static func computed(_ scalar: Unicode.Scalar) -> CharacterClass {
        if scalar.properties.isWhitespace { return .whitespace }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        default: return .other
        }
    }

    private static let ascii: [CharacterClass] = (0..<0x80).map { computed(Unicode.Scalar(UInt8($0))) }

    /// Blocks of 256 classes, shared between equal blocks, and each block's index.
    private static let table: (index: [UInt16], blocks: [UInt8]) = {
        var index: [UInt16] = []
        var blocks: [UInt8] = []
        var known: [[UInt8]: UInt16] = [:]
        for block in 0..<0x1100 {
            let classes = (0..<256).map { offset -> UInt8 in
                // Surrogate code points are not scalars; they never occur in valid UTF-8.
                guard let scalar = Unicode.Scalar(UInt32(block << 8 | offset)) else { return 0 }
                return computed(scalar).rawValue
            }
            if let shared = known[classes] {
                index.append(shared)
            } else {
                let number = UInt16(known.count)
                known[classes] = number
                index.append(number)
                blocks += classes
            }
        }
        return (index, blocks)
    }()
}
