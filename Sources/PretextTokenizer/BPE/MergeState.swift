/// The words being merged, their pair counts and the queue of pairs, as HF's BPE trainer keeps
/// them (`trainer.rs`: `pair_counts`, `where_to_update`, a `BinaryHeap<Merge>`).
///
/// The queue orders entries by count (largest first), then by pair (smallest `(left, right)`
/// first). Each entry carries the words where its pair was found when it was queued: merging a
/// pair rewrites only those words, exactly as HF does (a pair queued again after new occurrences
/// appeared carries only the words of those occurrences, and the rest follow when its older
/// entry comes up).
struct MergeState {
    /// A symbol of a word: a token id and its length (1 per character, summed by merges; HF's
    /// `Symbol.len`, used by `maxTokenLength`).
    struct Symbol {
        var id: UInt32
        var length: Int32
    }

    /// A queued pair.
    struct Entry {
        var pair: UInt64
        var count: Int64
        var words: [Int32]
    }

    private var words: [[Symbol]]
    private let counts: [Int64]
    private var pairCounts: [UInt64: Int64] = [:]
    private var whereToUpdate: [UInt64: Set<Int32>] = [:]
    private var queue = EntryHeap()

    /// Counts the pairs of `words` (symbol ids) weighted by `counts` and queues them.
    init(words: [[UInt32]], counts: [Int64]) {
        self.words = words.map { $0.map { Symbol(id: $0, length: 1) } }
        self.counts = counts
        for (index, word) in words.enumerated() where word.count > 1 {
            for position in 0..<(word.count - 1) {
                let pair = Self.pack(word[position], word[position + 1])
                pairCounts[pair, default: 0] += counts[index]
                whereToUpdate[pair, default: []].insert(Int32(index))
            }
        }
        queueUpdatedPairs()
    }

    /// The next pair to merge with its current count, or `nil` when the queue is empty. A
    /// popped entry whose count changed goes back with its new count (HF's rule).
    mutating func nextMerge() -> Entry? {
        while var top = queue.pop() {
            let current = pairCounts[top.pair] ?? 0
            if top.count != current {
                top.count = current
                queue.push(top)
                continue
            }
            return top
        }
        return nil
    }

    /// Merges `entry`'s pair into token `id` in the words the entry names, updates the pair
    /// counts and queues the pairs that gained occurrences.
    mutating func merge(_ entry: Entry, into id: UInt32, maxLength: Int) {
        let (left, right) = Self.unpack(entry.pair)
        for word in entry.words {
            let changes = Self.merge(&words[Int(word)], left, right, into: id, maxLength: maxLength)
            let count = counts[Int(word)]
            for (pair, change) in changes {
                pairCounts[pair, default: 0] += Int64(change) * count
                if change > 0 { whereToUpdate[pair, default: []].insert(word) }
            }
        }
        queueUpdatedPairs()
    }

    /// Queues every pair of `whereToUpdate` with a positive count, then empties it.
    private mutating func queueUpdatedPairs() {
        for (pair, positions) in whereToUpdate {
            let count = pairCounts[pair] ?? 0
            if count > 0 { queue.push(Entry(pair: pair, count: count, words: Array(positions))) }
        }
        whereToUpdate.removeAll(keepingCapacity: true)
    }

    /// HF's `Word::merge`: replaces each `left right` (left to right, not overlapping) with
    /// `id`, returning the pair count changes (−1 for each pair the merge breaks, +1 for each it
    /// makes, unless the new token would reach `maxLength` characters).
    static func merge(
        _ word: inout [Symbol], _ left: UInt32, _ right: UInt32, into id: UInt32, maxLength: Int
    ) -> [(UInt64, Int32)] {
        var changes: [(UInt64, Int32)] = []
        var index = 0
        while index < word.count {
            guard word[index].id == left, index + 1 < word.count, word[index + 1].id == right else {
                index += 1
                continue
            }
            let first = word[index]
            let second = word[index + 1]
            let merged = Symbol(id: id, length: first.length + second.length)
            if index > 0 {
                changes.append((pack(word[index - 1].id, first.id), -1))
                if Int(word[index - 1].length) + Int(merged.length) < maxLength {
                    changes.append((pack(word[index - 1].id, id), 1))
                }
            }
            word.replaceSubrange(index...index + 1, with: [merged])
            if index < word.count - 1 {
                changes.append((pack(second.id, word[index + 1].id), -1))
                if Int(word[index + 1].length) + Int(merged.length) < maxLength {
                    changes.append((pack(id, word[index + 1].id), 1))
                }
            }
            index += 1
        }
        return changes
    }

    /// A pair as one integer: ordering the integers orders the pairs as `(left, right)` tuples.
    @inline(__always)
    static func pack(_ left: UInt32, _ right: UInt32) -> UInt64 { UInt64(left) << 32 | UInt64(right) }

    /// The two ids of a packed pair.
    @inline(__always)
    static func unpack(_ pair: UInt64) -> (UInt32, UInt32) {
        (UInt32(truncatingIfNeeded: pair >> 32), UInt32(truncatingIfNeeded: pair))
    }
}

/// A binary max-heap of queued pairs: larger count first, then smaller pair.
struct EntryHeap {
    private var items: [MergeState.Entry] = []

    var isEmpty: Bool { items.isEmpty }

    /// Whether `a` comes out before `b`.
    @inline(__always)
    private static func precedes(_ a: MergeState.Entry, _ b: MergeState.Entry) -> Bool {
        a.count != b.count ? a.count > b.count : a.pair < b.pair
    }

    mutating func push(_ entry: MergeState.Entry) {
        items.append(entry)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> MergeState.Entry? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            var best = left
            if left + 1 < items.count, Self.precedes(items[left + 1], items[left]) { best = left + 1 }
            guard Self.precedes(items[best], items[parent]) else { break }
            items.swapAt(best, parent)
            parent = best
        }
        return top
    }
}
