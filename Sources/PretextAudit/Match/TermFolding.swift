/// Lowercasing of text with non-ASCII capitals, before term matching.
///
/// `TermMatcher` folds ASCII capitals itself; "É", "Ä" or "Д" only match a lowercase term
/// once the text is lowercased. Lowercasing can change byte lengths ("İ" becomes "i̇"), so
/// matches then refer to the lowercased text.
public enum TermFolding {
    /// Whether the UTF-8 `text` has a non-ASCII character that lowercasing changes.
    /// - Complexity: O(n); ASCII bytes cost one comparison each.
    public static func needsLowercasing(_ text: UnsafeRawBufferPointer) -> Bool {
        guard text.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: text, as: UTF8.self).unicodeScalars.contains {
            $0.value >= 0x80 && $0.properties.changesWhenLowercased
        }
    }

    /// `text` lowercased (Unicode default lowercasing) when it has non-ASCII capitals, and
    /// `text` itself otherwise.
    public static func lowercased(_ text: String) -> String {
        var text = text
        let needed = text.withUTF8 { needsLowercasing(UnsafeRawBufferPointer($0)) }
        return needed ? text.lowercased() : text
    }
}
