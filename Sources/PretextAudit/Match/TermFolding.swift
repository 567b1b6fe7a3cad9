/// Lowercasing of text with non-ASCII capitals, before term matching.
///
/// `TermMatcher` folds ASCII capitals itself; "É", "Ä" or "Д" only match a lowercase term
/// once the text is lowercased. Lowercasing can change byte lengths ("İ" becomes "i̇"), so
/// matches then refer to the lowercased text.
public enum TermFolding {
    /// Whether the UTF-8 `text` has a non-ASCII character that lowercasing changes.
    /// - Complexity: O(n); runs of ASCII bytes are skipped eight at a time.
    public static func needsLowercasing(_ text: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = text.count
        while index < count {
            // Eight ASCII bytes at a time, then straight to the first non-ASCII byte of the block.
            // (Not from a non-ASCII byte: in CJK text the block would rarely help.)
            if text[index] < 0x80 && index + 8 <= count {
                let block = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let high = block & 0x8080_8080_8080_8080
                // trailingZeroBitCount >> 3: the lane of the first byte of 0x80 or above, 0 to 7.
                index += high == 0 ? 8 : high.trailingZeroBitCount >> 3
                if high == 0 { continue }
            }
            let lead = text[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if lead >= 0xE3 && lead <= 0xE9 {
                // U+3000–U+9FFF (CJK punctuation, kana, ideographs): no capitals there.
                index += 3
                continue
            }
            let length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
            guard index + length <= count else { return false }
            var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
            for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
            if changesWhenLowercased(value) { return true }
            index += length
        }
        return false
    }

    /// Whether lowercasing changes the scalar `value` (a bit table for the BMP, computed once).
    static func changesWhenLowercased(_ value: UInt32) -> Bool {
        if value < 0x10000 { return basicPlane[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return Unicode.Scalar(value)?.properties.changesWhenLowercased ?? false
    }

    private static let basicPlane: [UInt64] = (0..<1024).map { word in
        var bits: UInt64 = 0
        for bit in 0..<64 {
            if let scalar = Unicode.Scalar(UInt32(word * 64 + bit)), scalar.properties.changesWhenLowercased {
                bits |= 1 << UInt64(bit)
            }
        }
        return bits
    }

    /// Appends the valid UTF-8 `text` lowercased to `output`: each scalar that lowercasing
    /// changes is replaced by its full lowercase mapping (as `String.lowercased()` does), the
    /// other bytes are copied (ASCII capitals too: the matcher folds them itself).
    ///
    /// - Returns: `false`, with `output` partly written, when `text` is not valid UTF-8 (use
    ///   `String.lowercased()`, which repairs it, instead).
    /// - Complexity: O(n); only the changed scalars are looked up in Unicode's tables.
    public static func appendLowercased(_ text: UnsafeRawBufferPointer, to output: inout [UInt8]) -> Bool {
        output.reserveCapacity(output.count + text.count + text.count / 8)
        var index = 0
        var copied = 0
        while index < text.count {
            if text[index] < 0x80 {
                index += 1
                continue
            }
            // Overlong forms decode to a scalar too: refuse them by their length.
            guard let (scalar, length) = UTF8Neighbors.decode(at: index, in: text), let scalar,
                scalar.value >= (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000)
            else { return false }
            if changesWhenLowercased(scalar.value) {
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[copied..<index]))
                output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                copied = index + length
            }
            index += length
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[copied..<text.count]))
        return true
    }

    /// `text` lowercased (Unicode default lowercasing) when it has non-ASCII capitals, and
    /// `text` itself otherwise.
    public static func lowercased(_ text: String) -> String {
        var text = text
        let needed = text.withUTF8 { needsLowercasing(UnsafeRawBufferPointer($0)) }
        return needed ? text.lowercased() : text
    }
}
