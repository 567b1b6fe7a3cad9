import CICUShim
import PretextCore

/// Unicode normalization through the system ICU, on UTF-8 bytes.
///
/// NFC is the default a corpus should use: it only composes canonically equivalent
/// sequences, so it never changes what a reader sees. NFKC also folds compatibility
/// characters — full-width Latin, half-width kana, ligatures, circled digits — and changes CJK
/// punctuation (`，` becomes `,`, `！` becomes `!`), so it is opt-in.
///
/// The work happens in UTF-8: all-ASCII text is copied without calling ICU (ASCII is stable
/// in all four forms), everything else goes through ICU's `Normalizer2::normalizeUTF8`,
/// which skips unchanged spans with quick-check tables. Matches ICU 72 exactly and is
/// checked against every line of the Unicode `NormalizationTest.txt`.
///
/// A normalizer is a value with no state: share it freely across threads.
public struct UnicodeNormalizer: Sendable {
    /// A Unicode normalization form (UAX #15).
    public enum Form: String, Sendable, CaseIterable, OptionChoice {
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

        /// Whether the form decomposes, so the result is often longer than the input.
        var decomposes: Bool { self == .nfd || self == .nfkd }
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

    /// Normalizes the UTF-8 bytes in `utf8` into `output`, replacing its contents.
    ///
    /// Reuse one `output` array across documents: its capacity is kept, so steady-state
    /// normalization allocates nothing. Ill-formed UTF-8 is passed through unchanged.
    ///
    /// - Parameters:
    ///   - utf8: The text, as UTF-8 bytes (at most 2 GiB, ICU's limit).
    ///   - output: Receives the normalized UTF-8 bytes.
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB, or
    ///   `.malformedInput` if ICU reports an error.
    /// - Complexity: O(n) in the length of `utf8`.
    public func normalize(utf8: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        try Self.checkLength(utf8.count)
        // NFC/NFKC rarely grow text (a few composition exclusions do); NFD/NFKD often do.
        var capacity = form.decomposes ? utf8.count + utf8.count / 2 + 16 : utf8.count + 16
        while true {
            if output.count < capacity {
                output.append(contentsOf: repeatElement(0, count: capacity - output.count))
            }
            let needed = try output.withUnsafeMutableBytes { try run(utf8, into: $0) }
            if needed <= output.count {
                output.removeLast(output.count - needed)
                return
            }
            capacity = needed  // the first attempt was too small; ICU told us the exact size
        }
    }

    /// Returns the UTF-8 bytes in `utf8` in this normalizer's form, as a `String`.
    ///
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB, or
    ///   `.malformedInput` if ICU reports an error.
    /// - Complexity: O(n) in the length of `utf8`.
    public func normalize(utf8: UnsafeRawBufferPointer) throws -> String {
        try Self.checkLength(utf8.count)
        var capacity = form.decomposes ? utf8.count + utf8.count / 2 + 16 : utf8.count + 16
        while true {
            var needed = 0
            var failure: (any Error)?
            let text = String(unsafeUninitializedCapacity: capacity) { buffer in
                do {
                    needed = try run(utf8, into: UnsafeMutableRawBufferPointer(buffer))
                } catch {
                    failure = error
                    return 0
                }
                return needed <= buffer.count ? needed : 0
            }
            if let failure { throw failure }
            if needed <= capacity { return text }
            capacity = needed
        }
    }

    /// Returns `text` in this normalizer's form.
    ///
    /// - Throws: `PretextError` with code `.malformedInput` if ICU rejects the text.
    /// - Complexity: O(n) in the length of `text`.
    public func normalize(_ text: String) throws -> String {
        var input = text
        return try input.withUTF8 { try normalize(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Whether the UTF-8 bytes in `utf8` are already in this normalizer's form.
    ///
    /// Cheaper than normalizing: it only runs ICU's quick check (and none for ASCII).
    /// - Throws: `PretextError` with code `.malformedInput` if ICU rejects the text.
    /// - Complexity: O(n) in the length of `utf8`.
    public func isNormalized(utf8: UnsafeRawBufferPointer) throws -> Bool {
        try Self.checkLength(utf8.count)
        var error: Int32 = 0
        let source = utf8.baseAddress?.assumingMemoryBound(to: CChar.self)
        let result = pretext_icu_is_normalized(form.icuForm, source, Int64(utf8.count), &error)
        if result < 0 { throw Self.icuError(error) }
        return result == 1
    }

    /// Whether `text` is already in this normalizer's form.
    ///
    /// - Throws: `PretextError` with code `.malformedInput` if ICU rejects the text.
    public func isNormalized(_ text: String) throws -> Bool {
        var input = text
        return try input.withUTF8 { try isNormalized(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Runs ICU once; returns the size the result needs (which may exceed `output.count`).
    private func run(_ utf8: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        var error: Int32 = 0
        let needed = pretext_icu_normalize(
            form.icuForm, utf8.baseAddress?.assumingMemoryBound(to: CChar.self), Int64(utf8.count),
            output.baseAddress?.assumingMemoryBound(to: CChar.self), Int64(output.count), &error)
        if needed < 0 { throw Self.icuError(error) }
        return Int(needed)
    }

    private static func checkLength(_ count: Int) throws {
        guard count <= Int(Int32.max) else {
            throw PretextError(
                .limitExceeded,
                "text of \(count) bytes is too long to normalize (ICU's limit is 2 GiB); "
                    + "lower the ingest size limit")
        }
    }

    static func icuError(_ code: Int32) -> PretextError {
        let name = String(cString: pretext_icu_error_name(code))
        return PretextError(.malformedInput, "ICU could not normalize the text: \(name)")
    }
}
