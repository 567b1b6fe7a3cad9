import CICUShim

/// ICU's charset converters (`ucnv`) and charset detector (`ucsdet`), through `CICUShim`.
///
/// The raw calls live in `Sources/CICUShim/icu_convert.c`; this type turns them into Swift
/// values and `Result`s. Conversions are strict: bytes that do not decode stop the
/// conversion (ICU's STOP callback) instead of becoming U+FFFD.
enum ICUCharsets {
    /// Why a conversion failed.
    struct ConversionFailure: Error, Equatable {
        /// The offset in the input of the first bytes that do not decode; `nil` when the
        /// converter could not be opened at all.
        var offset: Int?
        /// ICU's name of the error (`U_ILLEGAL_CHAR_FOUND`, `U_INVALID_CHAR_FOUND`,
        /// `U_TRUNCATED_CHAR_FOUND`…).
        var errorName: String
    }

    /// The best guess of the charset detector.
    struct Detection: Equatable {
        /// ICU's name of the charset ("GB18030", "Shift_JIS", "windows-1251"…).
        var name: String
        /// ICU's confidence, 0–100.
        var confidence: Int
    }

    /// ICU's converter name for a charset name or alias ("gbk" → "windows-936-2000"), or `nil`
    /// when ICU knows no such charset.
    static func converterName(_ label: String) -> String? {
        pretext_icu_charset_converter_name(label).map { String(cString: $0) }
    }

    /// The MIME or IANA name of a charset name or alias ("sjis" → "Shift_JIS"), or `nil`.
    static func standardName(_ label: String) -> String? {
        pretext_icu_charset_standard_name(label).map { String(cString: $0) }
    }

    /// `bytes` converted from `charset` (an ICU name or alias) to UTF-8, or where and why
    /// they do not decode.
    ///
    /// Complexity: O(n); a second pass only in the rare case where the result is more than
    /// twice the input's size (one byte becoming three, as half-width katakana do).
    static func toUTF8(_ bytes: UnsafeRawBufferPointer, from charset: String) -> Result<[UInt8], ConversionFailure> {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return .success([]) }
        var capacity = bytes.count * 2 + 16
        while true {
            var needed: Int64 = 0
            var badOffset: Int64 = -1
            var error: Int32 = 0
            let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                // Safe: ICU writes at most `capacity` bytes and reports how many it needed.
                needed = pretext_icu_to_utf8(
                    charset, source.assumingMemoryBound(to: CChar.self), Int64(bytes.count),
                    UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                    Int64(capacity), &badOffset, &error)
                count = needed < 0 ? 0 : min(Int(needed), capacity)
            }
            guard needed >= 0 else {
                let name = String(cString: pretext_icu_error_name(error))
                return .failure(ConversionFailure(offset: badOffset < 0 ? nil : Int(badOffset), errorName: name))
            }
            if Int(needed) <= capacity { return .success(output) }
            capacity = Int(needed)
        }
    }

    /// The detector's best guess for `bytes` (with `markup`, `<…>` tags are ignored), or `nil`
    /// when it has none.
    static func detect(_ bytes: UnsafeRawBufferPointer, markup: Bool) -> Detection? {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var error: Int32 = 0
        let confidence = pretext_icu_detect_charset(
            source.assumingMemoryBound(to: CChar.self), Int64(bytes.count), markup ? 1 : 0, &name,
            Int32(name.count), &error)
        guard confidence >= 0 else { return nil }
        let found = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }  // NUL-terminated by the shim
        return found.isEmpty ? nil : Detection(name: found, confidence: Int(confidence))
    }
}
