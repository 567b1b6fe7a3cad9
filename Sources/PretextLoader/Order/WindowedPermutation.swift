import PretextCore

/// A keyed bijection of 0 ..< `count` that keeps neighbours together: the range is cut into
/// windows of `windowSize` consecutive values (the last one shorter when `windowSize` does not
/// divide `count`), the windows are permuted, and so are the values inside each window.
///
/// Position `k` of the order lies in the window at slot `j` of the permuted window order, at
/// offset `o` inside it; the value there is `window(j) × windowSize + inner(window(j))(o)`. The
/// slots before the short window's slot hold `windowSize` positions each, so finding `(j, o)`
/// takes the short window's slot (one inverse of the window permutation), not a table. Nothing
/// is materialized; each value costs three Feistel evaluations.
///
/// Reading positions in order reads one window's values (a few frames) before moving on, so a
/// reader needs about one window of decompressed frames at a time.
public struct WindowedPermutation: Sendable, Hashable {
    /// The size of the permuted range.
    public let count: Int
    /// Values per window (the last window may hold fewer), 1 ... `count`.
    public let windowSize: Int
    /// The key; another key gives another permutation.
    public let key: UInt64
    /// The permutation of the windows.
    private let windows: FeistelPermutation
    /// The slot at which the last (possibly short) window comes in the permuted order.
    private let lastSlot: Int

    /// A permutation of 0 ..< `count` in windows of `windowSize` values (clamped to 1 ... `count`).
    public init(count: Int, windowSize: Int, key: UInt64) {
        precondition(count >= 0, "a permutation needs a count of at least 0")
        self.count = count
        self.windowSize = max(1, min(windowSize, count))
        self.key = key
        let windowCount = count == 0 ? 0 : (count + self.windowSize - 1) / self.windowSize
        self.windows = FeistelPermutation(count: windowCount, key: SplitMix64.mix(key ^ 0x5749_4E44_4F57_5321))
        self.lastSlot = windowCount == 0 ? 0 : windows.inverse(windowCount - 1)
    }

    /// The number of windows.
    public var windowCount: Int { windows.count }

    /// The size of the last window (1 ... `windowSize`).
    private var lastWindowSize: Int { count - (windowCount - 1) * windowSize }

    /// The value at position `position` (0 ..< `count`).
    public func callAsFunction(_ position: Int) -> Int {
        precondition(position >= 0 && position < count, "\(position) is outside 0..<\(count)")
        let (slot, offset) = slotAndOffset(position)
        let window = windows(slot)
        let size = window == windowCount - 1 ? lastWindowSize : windowSize
        return window * windowSize + inner(window, size: size)(offset)
    }

    /// One slot's window: where it starts and its inner permutation, which every position of
    /// the slot shares.
    struct Window: Sendable {
        let slot: Int
        let start: Int
        let inner: FeistelPermutation
    }

    /// The value at `position`, reusing `window` when the position falls in its slot and
    /// replacing it otherwise; equal to `self(position)`. The positions of a batch mostly share
    /// a slot, so this saves the outer permutation and the inner one's setup per example.
    func callAsFunction(_ position: Int, window: inout Window?) -> Int {
        precondition(position >= 0 && position < count, "\(position) is outside 0..<\(count)")
        let (slot, offset) = slotAndOffset(position)
        if window?.slot != slot {
            let index = windows(slot)
            let size = index == windowCount - 1 ? lastWindowSize : windowSize
            window = Window(slot: slot, start: index * windowSize, inner: inner(index, size: size))
        }
        // Safe: set just above when it was nil or of another slot.
        return window!.start + window!.inner(offset)
    }

    private func slotAndOffset(_ position: Int) -> (slot: Int, offset: Int) {
        let beforeShort = lastSlot * windowSize
        if position < beforeShort { return (position / windowSize, position % windowSize) }
        let afterShort = beforeShort + lastWindowSize
        if position < afterShort { return (lastSlot, position - beforeShort) }
        let rest = position - afterShort
        return (lastSlot + 1 + rest / windowSize, rest % windowSize)
    }

    /// The permutation inside window `window` of `size` values.
    private func inner(_ window: Int, size: Int) -> FeistelPermutation {
        // &+ and &*: key derivation is defined modulo 2^64.
        FeistelPermutation(count: size, key: SplitMix64.mix(key &+ UInt64(window + 1) &* 0xD1B5_4A32_D192_ED03))
    }
}
