import PretextCore

/// Decodes the payload of a WARC response (an HTML page or a text file) to UTF-8, in the
/// charset it declares or, failing that, the one ICU detects.
///
/// The charset is the first of (`CharsetSource`): a byte-order mark; the HTTP `Content-Type`
/// charset; for HTML, the charset declared in the first bytes of the page
/// (`HTMLCharsetSniffer`); UTF-8 when the payload is valid UTF-8; ICU's detector when its
/// confidence is at least `detectionFloor`; Windows-1252. A label ICU does not know is
/// ignored, and the next source is tried (as browsers do). Decoding is strict: when bytes do
/// not decode in the chosen charset, the payload is rejected (`undecodable_bytes`, or
/// `invalid_utf8` for UTF-8) with the charset, where it came from, and the byte offset —
/// never replaced with U+FFFD.
enum PayloadCharsetDecoder {
    /// The lowest detector confidence (0–100) taken. Multi-byte CJK charsets score 100 on a
    /// few dozen characters; single-byte ones score lower (Russian in windows-1251 or KOI8-R:
    /// 37–43 on 130–300 bytes of page). Below it, the payload is Windows-1252.
    static let detectionFloor = 30

    /// A payload decoded to UTF-8.
    struct Decoded: Equatable {
        /// The UTF-8 text.
        var text: [UInt8]
        /// The charset's reported name (`Charset.name`).
        var charset: String
        /// Where the charset came from.
        var source: CharsetSource
    }

    /// `payload` as UTF-8; `headerLabel` is the `Content-Type` charset, `isHTML` whether the
    /// page's own declaration is looked for.
    static func decode(
        _ payload: UnsafeRawBufferPointer, headerLabel: String?, isHTML: Bool
    ) -> Result<
        Decoded, PayloadProblem
    > {
        if let (charset, bomLength) = byteOrderMark(payload) {
            let rest = UnsafeRawBufferPointer(rebasing: payload[bomLength...])
            return decode(rest, as: charset, from: .bom, shift: bomLength)
        }
        if let charset = headerLabel.flatMap(Charset.labeled) {
            return decode(payload, as: charset, from: .header)
        }
        if isHTML, let label = HTMLCharsetSniffer.declaredCharset(payload), let declared = Charset.labeled(label) {
            return decode(payload, as: declared.isWide ? .utf8 : declared, from: .meta)
        }
        if UTF8Validation.firstInvalidOffset(payload) == nil {
            return .success(Decoded(text: Array(payload), charset: Charset.utf8.name, source: .utf8))
        }
        if let detection = ICUCharsets.detect(detectionSample(payload, isHTML: isHTML), markup: isHTML),
            detection.confidence >= detectionFloor,
            let detected = Charset.labeled(detection.name), detected.decoder != .utf8
        {
            return decode(payload, as: detected, from: .detected, note: " at confidence \(detection.confidence)")
        }
        return decode(payload, as: .windows1252, from: .fallback)
    }

    /// The bytes the detector looks at: at most `detectionSampleBytes`, from the page's
    /// `<body` tag when it has one (the head's scripts and styles tell nothing about the
    /// charset). ICU's detector costs about 0.3 µs a byte (ICU 72, one core), and converges on
    /// a few hundred bytes of text for CJK pages.
    static func detectionSample(_ payload: UnsafeRawBufferPointer, isHTML: Bool) -> UnsafeRawBufferPointer {
        let start = isHTML ? bodyTag(in: payload) ?? 0 : 0
        return UnsafeRawBufferPointer(rebasing: payload[start..<min(payload.count, start + detectionSampleBytes)])
    }

    /// How many bytes of a payload the detector sees at most.
    static let detectionSampleBytes = 16 << 10

    /// The offset of the first `<body` (any case), if any.
    private static func bodyTag(in payload: UnsafeRawBufferPointer) -> Int? {
        let tag = Array("<body".utf8)
        var i = 0
        while let lt = payload[i...].firstIndex(of: UInt8(ascii: "<")) {
            if lt + tag.count <= payload.count,
                zip(payload[lt..<(lt + tag.count)], tag).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) })
            {
                return lt
            }
            i = lt + 1
        }
        return nil
    }

    /// The charset of a byte-order mark at the start of `payload`, and the mark's length.
    private static func byteOrderMark(_ payload: UnsafeRawBufferPointer) -> (Charset, Int)? {
        if payload.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if payload.starts(with: [0xFF, 0xFE]) { return (Charset(name: "utf-16le", decoder: .icu("UTF-16LE")), 2) }
        if payload.starts(with: [0xFE, 0xFF]) { return (Charset(name: "utf-16be", decoder: .icu("UTF-16BE")), 2) }
        return nil
    }

    /// `payload` decoded as `charset`; `shift` is added to offsets in problems (the length of
    /// a byte-order mark cut off the front), `note` to the source in them.
    private static func decode(
        _ payload: UnsafeRawBufferPointer, as charset: Charset, from source: CharsetSource, shift: Int = 0,
        note: String = ""
    ) -> Result<Decoded, PayloadProblem> {
        let origin = "charset from \(describe(source))\(note)"
        switch charset.decoder {
        case .utf8:
            if let bad = UTF8Validation.firstInvalidOffset(payload) {
                return .failure(
                    PayloadProblem(
                        reason: .invalidUTF8,
                        detail: "payload labeled UTF-8 (\(origin)) is invalid at byte \(bad + shift)"))
            }
            return .success(Decoded(text: Array(payload), charset: charset.name, source: source))
        case .windows1252:
            return .success(Decoded(text: Windows1252.decode(payload), charset: charset.name, source: source))
        case .icu(let converter):
            return ICUCharsets.toUTF8(payload, from: converter)
                .map { Decoded(text: $0, charset: charset.name, source: source) }
                .mapError { failure in
                    let place = failure.offset.map { "bytes at offset \($0 + shift) of the payload" } ?? "the payload"
                    return PayloadProblem(
                        reason: .undecodableBytes,
                        detail: "\(place) do not decode as \(charset.name) (\(origin); ICU \(failure.errorName))")
                }
        }
    }

    /// How a source reads in a reject's detail.
    private static func describe(_ source: CharsetSource) -> String {
        switch source {
        case .bom: "the byte-order mark"
        case .header: "the HTTP Content-Type header"
        case .meta: "the page's <meta> declaration"
        case .utf8: "valid UTF-8"
        case .detected: "ICU detection"
        case .fallback: "the Windows-1252 fallback"
        }
    }
}
