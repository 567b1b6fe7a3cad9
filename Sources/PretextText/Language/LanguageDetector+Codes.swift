import CCLD2Shim

extension LanguageDetector {
    /// Every language code CLD2 can report, sorted: the languages it has statistics for (180
    /// with Debian's libcld2, `"en"`, `"zh"`, `"zh-Hant"`, `"ja"`…) and `"un"`, the unknown
    /// language. CLD2 keeps some old ISO 639 codes: Hebrew is `"iw"`, Javanese `"jw"`.
    public static let detectableCodes: [String] = {
        var codes = Set<String>()
        for language in 0..<pretext_cld2_language_count() {
            // The returned string is static in CLD2's tables; NULL for names it cannot detect.
            guard let code = pretext_cld2_detectable_code(language) else { continue }
            codes.insert(String(cString: code))
        }
        return codes.sorted()
    }()

    /// Whether CLD2 can report `code` (one of `detectableCodes`).
    public static func canDetect(_ code: String) -> Bool { detectableSet.contains(code) }

    private static let detectableSet = Set(detectableCodes)
}
