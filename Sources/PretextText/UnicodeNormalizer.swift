import CICUShim
import PretextCore

/// Unicode normalization through the system ICU (`unorm2`).
///
/// NFC is the default a corpus should use. NFKC also folds compatibility characters —
/// full-width Latin, half-width kana, ligatures — and changes CJK punctuation (`，` becomes
/// `,`), so it is opt-in. Conformance is checked against the Unicode `NormalizationTest.txt`.
public struct UnicodeNormalizer: Sendable {
    /// A Unicode normalization form.
    public enum Form: String, Sendable, CaseIterable {
        /// Canonical composition.
        case nfc
        /// Canonical decomposition.
        case nfd
        /// Compatibility composition.
        case nfkc
        /// Compatibility decomposition.
        case nfkd

        var icuForm: pretext_norm_form {
            switch self {
            case .nfc: PRETEXT_NFC
            case .nfd: PRETEXT_NFD
            case .nfkc: PRETEXT_NFKC
            case .nfkd: PRETEXT_NFKD
            }
        }
    }

    /// The form this normalizer produces.
    public let form: Form

    /// Creates a normalizer for `form`.
    public init(form: Form = .nfc) { self.form = form }

    /// The version of the ICU library in use, such as "72.1".
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        pretext_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Returns `text` in this normalizer's form.
    ///
    /// - Throws: `PretextError` with code `.malformedInput` if ICU rejects the text.
    /// - Complexity: O(n) in the length of `text`.
    public func normalize(_ text: String) throws -> String {
        var input = text
        return try input.withUTF8 { try normalize(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Returns the UTF-8 bytes in `utf8` in this normalizer's form, as a `String`.
    ///
    /// - Throws: `PretextError` with code `.malformedInput` if ICU rejects the bytes.
    public func normalize(utf8: UnsafeRawBufferPointer) throws -> String {
        let source = utf8.baseAddress?.assumingMemoryBound(to: CChar.self)
        var capacity = utf8.count + utf8.count / 2 + 16
        while true {
            var error: Int32 = 0
            var output = [CChar](repeating: 0, count: capacity)
            let needed = pretext_icu_normalize(
                form.icuForm, source, Int64(utf8.count), &output, Int64(capacity), &error)
            if needed < 0 { throw Self.icuError(error) }
            if needed <= capacity {
                return String(decoding: output[0..<Int(needed)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = Int(needed)
        }
    }

    /// Whether `text` is already in this normalizer's form (cheaper than normalizing).
    ///
    /// - Throws: `PretextError` with code `.malformedInput` if ICU rejects the text.
    public func isNormalized(_ text: String) throws -> Bool {
        var input = text
        var error: Int32 = 0
        let result = input.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                pretext_icu_is_normalized(form.icuForm, $0.baseAddress, Int64($0.count), &error)
            }
        }
        if result < 0 { throw Self.icuError(error) }
        return result == 1
    }

    private static func icuError(_ code: Int32) -> PretextError {
        let name = String(cString: pretext_icu_error_name(code))
        return PretextError(.malformedInput, "ICU could not normalize the text: \(name)")
    }
}
