/// Lowercasing of text with non-ASCII capitals, before term matching.
///
/// `TermMatcher` folds ASCII capitals itself; "É", "Ä" or "Д" only match a lowercase term
/// once the text is lowercased. Lowercasing can change byte lengths ("İ" becomes "i̇"), so
/// matches then refer to the lowercased text.
public enum TermFolding {
    /// Whether the UTF-8 `text` has a non-ASCII character that lowercasing changes.
    /// - Complexity: O(n); ASCII bytes cost one comparison each.
    public static func needsLowercasing(_ text: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = text.count
        while index < count {
            let lead = text[index]
            if lead < 0x80 {
                index += 1
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
    private static func changesWhenLowercased(_ value: UInt32) -> Bool {
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

    /// `text` lowercased (Unicode default lowercasing) when it has non-ASCII capitals, and
    /// `text` itself otherwise.
    public static func lowercased(_ text: String) -> String {
        var text = text
        let needed = text.withUTF8 { needsLowercasing(UnsafeRawBufferPointer($0)) }
        return needed ? text.lowercased() : text
    }
}
