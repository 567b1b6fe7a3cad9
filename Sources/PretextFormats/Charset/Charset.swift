/// A character set a payload is decoded from, and how.
///
/// `name` is what ingest reports (the lowercased MIME or IANA name of the label: `gbk`,
/// `shift_jis`, `euc-kr`, `windows-1251`); `decoder` is what decodes it. Like browsers (the
/// WHATWG Encoding Standard), some labels decode with a superset of the charset they name,
/// because pages labeled with them use the superset's characters:
///
/// | label (any ICU alias) | decoded as |
/// |---|---|
/// | `gb2312`, `gbk` (`euc-cn`, `cp936`, `x-gbk`…) | GB18030 |
/// | `euc-kr` (`ks_c_5601-1987`, `korean`…) | windows-949 (Unified Hangul Code) |
/// | `big5` (`cp950`…) | Big5-HKSCS |
/// | `iso-8859-1`, `us-ascii`, `windows-1252` (`latin1`…) | Windows-1252 (`Windows1252`) |
///
/// Every other charset ICU knows decodes with its own ICU converter.
struct Charset: Equatable {
    /// How bytes become UTF-8.
    enum Decoder: Equatable {
        /// Already UTF-8: validated, not converted.
        case utf8
        /// The Windows-1252 table (`Windows1252`), which decodes every byte.
        case windows1252
        /// An ICU converter, by ICU name.
        case icu(String)
    }

    /// The name reported in counts: lowercase.
    var name: String
    /// How the payload is decoded.
    var decoder: Decoder

    /// UTF-8.
    static let utf8 = Charset(name: "utf-8", decoder: .utf8)
    /// Windows-1252, the fallback for unlabeled pages that are not UTF-8.
    static let windows1252 = Charset(name: "windows-1252", decoder: .windows1252)

    /// ICU converter names (alias 0) decoded with a superset, and the superset's ICU name.
    private static let supersets: [String: Decoder] = [
        "ibm-1383_P110-1999": .icu("gb18030"),  // GB2312
        "windows-936-2000": .icu("gb18030"),  // GBK
        "ibm-970_P110_P110-2006_U2": .icu("windows-949"),  // EUC-KR
        "windows-950-2000": .icu("big5-hkscs"),  // Big5
        "ISO-8859-1": .windows1252,
        "US-ASCII": .windows1252,
        "ibm-5348_P100-1997": .windows1252,  // windows-1252
        "UTF-8": .utf8,
    ]

    /// The charset a label (from a header, a `<meta>` or the detector) names, or `nil` when
    /// ICU knows no such charset. Labels are trimmed of blanks and quotes; case does not matter.
    static func labeled(_ label: String) -> Charset? {
        let trimmed = label.trimmingCharacters(in: " \t\r\n\"'").lowercased()
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
            let converter = ICUCharsets.converterName(trimmed)
        else { return nil }
        let name = (ICUCharsets.standardName(trimmed) ?? ICUCharsets.standardName(converter) ?? trimmed).lowercased()
        return Charset(name: name, decoder: supersets[converter] ?? .icu(converter))
    }

    /// Whether this is a UTF-16 or UTF-32 charset, which a page's own `<meta>` cannot
    /// truthfully declare (the HTML standard reads such a declaration as UTF-8).
    var isWide: Bool {
        guard case .icu(let converter) = decoder else { return false }
        let upper = converter.uppercased()
        return upper.hasPrefix("UTF-16") || upper.hasPrefix("UTF-32") || upper.hasPrefix("UTF16")
            || upper.hasPrefix("UTF32")
    }
}
