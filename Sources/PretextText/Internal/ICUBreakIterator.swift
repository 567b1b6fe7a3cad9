import CICUShim
import PretextCore

/// One ICU break iterator (word, sentence or line) reading UTF-8 text in place.
///
/// Owns the C handle and frees it in `deinit`; not thread-safe (ICU iterators keep position
/// state), so each thread or task uses its own. Boundaries are fetched in batches of 1,024 to
/// keep the C calls off the per-boundary path.
final class ICUBreakIterator {
    private let handle: OpaquePointer
    private var ends = [Int32](repeating: 0, count: 1024)
    private var statuses = [Int32](repeating: 0, count: 1024)

    /// Opens an iterator of `kind` for the ICU locale ID `locale`.
    init(kind: pretext_break_kind, locale: String) throws {
        var error: Int32 = 0
        guard let handle = pretext_icu_breaker_open(kind, locale, &error) else {
            throw PretextError(
                .invalidConfiguration,
                "ICU could not open a break iterator for locale '\(locale)': "
                    + String(cString: pretext_icu_error_name(error)))
        }
        self.handle = handle
    }

    deinit { pretext_icu_breaker_close(handle) }

    /// Calls `body(start, end, status)` for every segment of `text`, in order.
    ///
    /// The segments are contiguous and cover `text`; `status` is ICU's rule status of the
    /// segment (meaningful for word iterators; pass `wantStatus: false` otherwise).
    /// - Throws: `PretextError` with code `.limitExceeded` for text over 2 GiB (ICU's offsets
    ///   are 32-bit).
    func forEachSegment(
        in text: UnsafeRawBufferPointer, wantStatus: Bool, _ body: (Int, Int, Int32) throws -> Void
    ) throws {
        guard text.count <= Int(Int32.max) else {
            throw PretextError(
                .limitExceeded, "text of \(text.count) bytes is too long to segment (ICU's limit is 2 GiB)")
        }
        var error: Int32 = 0
        let source = text.baseAddress?.assumingMemoryBound(to: CChar.self)
        if pretext_icu_breaker_set_text(handle, source, Int64(text.count), &error) != 0 {
            throw PretextError(
                .malformedInput, "ICU could not segment the text: " + String(cString: pretext_icu_error_name(error)))
        }
        defer {  // don't keep a pointer to bytes the caller may free
            _ = pretext_icu_breaker_set_text(handle, nil, 0, &error)
        }
        var start = 0
        try ends.withUnsafeMutableBufferPointer { ends in
            try statuses.withUnsafeMutableBufferPointer { statuses in
                while true {
                    let n = Int(
                        pretext_icu_breaker_next(
                            handle, ends.baseAddress, wantStatus ? statuses.baseAddress : nil, Int32(ends.count)))
                    if n == 0 { return }
                    for k in 0..<n {  // n <= ends.count
                        let end = Int(ends[k])
                        try body(start, end, wantStatus ? statuses[k] : 0)
                        start = end
                    }
                }
            }
        }
    }
}
