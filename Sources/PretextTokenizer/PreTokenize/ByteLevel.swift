/// GPT-2's byte-level alphabet (`bytes_to_unicode`): every byte is shown as one printable
/// character, so a token's text is its bytes. Printable Latin-1 bytes (`!`…`~`, `¡`…`¬`,
/// `®`…`ÿ`) stand for themselves; the other 68 bytes, in increasing order, become U+0100,
/// U+0101, …. A space is `Ġ` (U+0120), a newline `Ċ` (U+010A).
enum ByteLevel {
    /// The character that stands for each byte.
    static let characters: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            if (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte) {
                table[byte] = Unicode.Scalar(UInt8(byte))
            } else {
                // 256 + at most 68: always a valid scalar.
                table[byte] = Unicode.Scalar(next)!
                next += 1
            }
        }
        return table
    }()

    /// The byte each alphabet character stands for, by scalar value (0 … U+0143).
    static let bytes: [UInt8?] = {
        var table = [UInt8?](repeating: nil, count: 0x144)
        for (byte, character) in characters.enumerated() { table[Int(character.value)] = UInt8(byte) }
        return table
    }()

    /// `bytes` shown as alphabet characters (a byte-level token's text).
    static func text(_ bytes: some Sequence<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(characters[Int(byte)]) }
        return String(text)
    }

    /// The bytes a byte-level token's text stands for, or `nil` when it holds a character
    /// outside the alphabet.
    static func decode(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard Int(scalar.value) < bytes.count, let byte = bytes[Int(scalar.value)] else { return nil }
            result.append(byte)
        }
        return result
    }
}
