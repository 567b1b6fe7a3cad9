import CICUShim

/// Unicode script statistics of text, from ICU's `uscript_getScript`.
public enum UnicodeScripts {
    /// The script with the most letters in the UTF-8 `text`.
    ///
    /// Letters are characters of general category L* (so digits, punctuation, marks and
    /// characters of the Common and Inherited scripts do not count). Names are ICU's long
    /// script names: "Latin", "Han", "Hiragana", "Katakana", "Hangul", "Cyrillic", "Arabic",
    /// "Devanagari", "Thai", "Greek"… Japanese text is usually "Hiragana" or "Han", whichever
    /// has more letters.
    /// - Returns: The script's name and its share (0…1) of the letters, or nil when the text
    ///   has no letters.
    /// - Complexity: O(n) in the length of `text`.
    public static func dominant(in text: UnsafeRawBufferPointer) -> (name: String, share: Double)? {
        var letters: Int64 = 0
        var top: Int64 = 0
        let code = pretext_icu_dominant_script(
            text.baseAddress?.assumingMemoryBound(to: CChar.self), Int64(text.count), &letters, &top)
        guard code >= 0, letters > 0 else { return nil }
        return (String(cString: pretext_icu_script_name(code)), Double(top) / Double(letters))
    }

    /// The script with the most letters in `text`; see `dominant(in:)` for bytes.
    public static func dominant(in text: String) -> (name: String, share: Double)? {
        var text = text
        return text.withUTF8 { dominant(in: UnsafeRawBufferPointer($0)) }
    }
}

extension UnicodeScripts {
    /// ICU's script code of `scalar` (`uscript_getScript`): `common` for punctuation, digits and
    /// symbols shared by scripts, `inherited` for combining marks, else the script's own code.
    public static func code(of scalar: Unicode.Scalar) -> Int32 {
        pretext_icu_script(Int32(bitPattern: scalar.value))
    }

    /// The script code of characters shared by several scripts (USCRIPT_COMMON).
    public static let common: Int32 = 0
    /// The script code of combining marks that take their base's script (USCRIPT_INHERITED).
    public static let inherited: Int32 = 1
    /// USCRIPT_HAN.
    public static let han: Int32 = 17
    /// USCRIPT_HIRAGANA.
    public static let hiragana: Int32 = 20
    /// USCRIPT_KATAKANA.
    public static let katakana: Int32 = 22
}
