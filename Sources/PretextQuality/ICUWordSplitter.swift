import PretextText
import Synchronization

/// Words and sentences from ICU break iterators: the splitter the quality rules use for
/// Chinese and Japanese (dictionary-based word breaking), in place of the one-character
/// fallback.
///
/// Words are ICU word segments with a word status (letters, numbers, ideographs, kana);
/// sentences are ICU sentence segments with text in them. ICU iterators are not thread-safe
/// and costly to open, so the splitter keeps a pool: a call borrows a `Segmenter` (or opens
/// one), uses it alone, and gives it back.
public struct ICUWordSplitter: WordSplitter {
    /// The ICU locale (empty: root rules, which already use the CJK dictionary).
    public let locale: String
    private let pool = SegmenterPool()

    /// Creates a splitter for `locale`.
    public init(locale: String = "") { self.locale = locale }

    /// Runs `body` with a segmenter no other thread is using.
    private func withSegmenter<R>(_ fallback: R, _ body: (Segmenter) throws -> R) -> R {
        guard let segmenter = pool.take() ?? (try? Segmenter(locale: locale)) else { return fallback }
        defer { pool.give(segmenter) }
        return (try? body(segmenter)) ?? fallback
    }

    /// Appends the ICU words of `scalars[range]` as scalar-offset ranges.
    public func split(_ scalars: [UInt32], range: Range<Int>, into words: inout WordList) {
        let (bytes, scalarAt) = Self.utf8(scalars, range)
        let found = withSegmenter([]) { segmenter in try bytes.withUnsafeBytes { try segmenter.words(in: $0) } }
        for word in found {
            words.append(scalarAt[word.range.lowerBound]..<scalarAt[word.range.upperBound])
        }
    }

    /// The number of ICU sentences of `scalars[range]` that hold text (at least 1 when the
    /// range is not empty).
    public func sentenceCount(_ scalars: [UInt32], range: Range<Int>) -> Int {
        let (bytes, _) = Self.utf8(scalars, range)
        guard let segmenter = try? Segmenter(locale: locale) else { return range.isEmpty ? 0 : 1 }
        let count =
            (try? bytes.withUnsafeBytes { try segmenter.sentences(in: $0, trimmingWhitespace: true).count }) ?? 0
        return range.isEmpty ? 0 : max(count, 1)
    }

    /// UTF-8 of `scalars[range]`, and for every byte offset that starts a scalar (and the end)
    /// the scalar offset in `scalars`.
    private static func utf8(_ scalars: [UInt32], _ range: Range<Int>) -> ([UInt8], [Int]) {
        var bytes: [UInt8] = []
        var scalarAt: [Int] = []
        bytes.reserveCapacity(range.count * 3)
        scalarAt.reserveCapacity(range.count * 3 + 1)
        for index in range {
            let scalar = Unicode.Scalar(scalars[index]) ?? "\u{FFFD}"
            let start = bytes.count
            bytes.append(contentsOf: UTF8.encode(scalar)!)  // every Unicode scalar has a UTF-8 form
            for _ in start..<bytes.count { scalarAt.append(index) }
        }
        scalarAt.append(range.upperBound)
        return (bytes, scalarAt)
    }
}

/// Idle segmenters of one `ICUWordSplitter`, shared by the threads that use it.
///
/// Lock invariant: a segmenter is either in `idle` (touched only under the lock) or owned by
/// exactly one caller between `take` and `give`, so no two threads ever use one at once.
private final class SegmenterPool: @unchecked Sendable {
    private let idle = Mutex<[UnsafeSegmenter]>([])

    func take() -> Segmenter? { idle.withLock { $0.popLast() }?.segmenter }

    func give(_ segmenter: Segmenter) {
        idle.withLock { pool in
            // At most one idle segmenter per thread that ever used the splitter; bounded anyway.
            if pool.count < 64 { pool.append(UnsafeSegmenter(segmenter: segmenter)) }
        }
    }
}

/// A segmenter moved between threads through the pool (see the pool's lock invariant).
private struct UnsafeSegmenter: @unchecked Sendable {
    let segmenter: Segmenter
}
