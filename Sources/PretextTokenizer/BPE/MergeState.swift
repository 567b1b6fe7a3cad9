import Dispatch

/// The words being merged, their pair counts and the queue of pairs, as HF's BPE trainer keeps
/// them (`trainer.rs`: `pair_counts`, `where_to_update`, a `BinaryHeap<Merge>`), with a hash
/// table of pair counts and gains grouped by sorting instead of hash sets.
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
    private var pairCounts = PairTable<Int64>(zero: 0)
    /// The pairs that gained occurrences since the queue was last fed, each with the words of
    /// its gains (HF's `where_to_update`): an index into `gainedWords` by pair.
    private var gained = PairTable<Int32>(zero: -1)
    private var gainedPairs: [UInt64] = []
    private var gainedWords: [[Int32]] = []
    private var queue = EntryHeap()

    /// Counts the pairs of `words` (symbol ids) weighted by `counts` and queues them.
    init(words: [[UInt32]], counts: [Int64], parallelWords: Int = 4096) {
        self.words = words.map { $0.map { Symbol(id: $0, length: 1) } }
        self.counts = counts
        self.parallelWords = parallelWords
        for (index, word) in words.enumerated() where word.count > 1 {
            for position in 0..<(word.count - 1) {
                gain(Self.pack(word[position], word[position + 1]), index, counts[index])
            }
        }
        queueGainedPairs()
    }

    /// The next pair to merge with its current count, or `nil` when the queue is empty. A
    /// popped entry whose count changed goes back with its new count (HF's rule).
    mutating func nextMerge() -> Entry? {
        while var top = queue.pop() {
            let current = pairCounts[top.pair]
            if top.count != current {
                top.count = current
                queue.push(top)
                continue
            }
            return top
        }
        return nil
    }

    /// A change to a pair's count found while merging: negative where a pair is broken, positive
    /// where one is made (a gain, remembered with its word).
    struct Change {
        var pair: UInt64
        var delta: Int64
        var word: Int32
    }

    /// Entries with at least this many words are merged on two threads.
    let parallelWords: Int

    /// Merges `entry`'s pair into token `id` in the words the entry names, updates the pair
    /// counts and queues the pairs that gained occurrences.
    ///
    /// A large entry's words are split in two halves merged on two threads, each recording its
    /// changes; the changes are then applied in word order, so the result is the sequential one.
    mutating func merge(_ entry: Entry, into id: UInt32, maxLength: Int) {
        let (left, right) = Self.unpack(entry.pair)
        let halves = entry.words.count >= parallelWords ? 2 : 1
        let size = (entry.words.count + halves - 1) / halves
        var results = [[Change]](repeating: [], count: halves)
        let counts = self.counts
        words.withUnsafeMutableBufferPointer { words in
            results.withUnsafeMutableBufferPointer { results in
                let shared = SharedBuffers(words: words, results: results)
                let work: @Sendable (Int) -> Void = { half in
                    var changes: [Change] = []
                    for word in entry.words[half * size..<min(entry.words.count, (half + 1) * size)] {
                        Self.mergeWord(
                            &shared.words[Int(word)], word: word, count: counts[Int(word)], left, right, into: id,
                            maxLength: maxLength, changes: &changes)
                    }
                    shared.results[half] = changes
                }
                _ = concurrentMap(halves) { work($0) }
            }
        }
        for changes in results {
            for change in changes {
                if change.delta > 0 {
                    gain(change.pair, Int(change.word), change.delta)
                } else {
                    pairCounts.add(change.delta, to: change.pair)
                }
            }
        }
        queueGainedPairs()
    }

    /// Queues every pair that gained occurrences with its current count (if positive) and the
    /// words of the gains, then forgets the gains.
    private mutating func queueGainedPairs() {
        for (pair, words) in zip(gainedPairs, gainedWords) {
            let count = pairCounts[pair]
            if count > 0 { queue.push(Entry(pair: pair, count: count, words: words)) }
        }
        gained.removeAll(gainedPairs)
        gainedPairs.removeAll(keepingCapacity: true)
        gainedWords.removeAll(keepingCapacity: true)
    }

    /// HF's `Word::merge` on one word: replaces each `left right` (left to right, not
    /// overlapping) with `id`, recording one lost occurrence (weighted by the word's `count`) of
    /// each pair the merge breaks and one gained occurrence of each it makes, unless the new
    /// token would reach `maxLength` characters.
    static func mergeWord(
        _ symbols: inout [Symbol], word: Int32, count: Int64, _ left: UInt32, _ right: UInt32, into id: UInt32,
        maxLength: Int, changes: inout [Change]
    ) {
        var position = 0
        while position + 1 < symbols.count {
            guard symbols[position].id == left, symbols[position + 1].id == right else {
                position += 1
                continue
            }
            let first = symbols[position]
            let second = symbols[position + 1]
            let merged = Symbol(id: id, length: first.length + second.length)
            if position > 0 {
                let before = symbols[position - 1]
                changes.append(Change(pair: pack(before.id, first.id), delta: -count, word: word))
                if Int(before.length) + Int(merged.length) < maxLength {
                    changes.append(Change(pair: pack(before.id, id), delta: count, word: word))
                }
            }
            symbols[position] = merged
            symbols.remove(at: position + 1)
            if position + 1 < symbols.count {
                let after = symbols[position + 1]
                changes.append(Change(pair: pack(second.id, after.id), delta: -count, word: word))
                if Int(after.length) + Int(merged.length) < maxLength {
                    changes.append(Change(pair: pack(id, after.id), delta: count, word: word))
                }
            }
            position += 1
        }
    }

    /// Adds `count` occurrences of `pair`, found in `word`.
    @inline(__always)
    private mutating func gain(_ pair: UInt64, _ word: Int, _ count: Int64) {
        pairCounts.add(count, to: pair)
        let list = gained[pair]
        if list < 0 {
            gained[pair] = Int32(gainedPairs.count)
            gainedPairs.append(pair)
            gainedWords.append([Int32(word)])
        } else if gainedWords[Int(list)].last != Int32(word) {
            gainedWords[Int(list)].append(Int32(word))
        }
    }

    /// `word` (symbol ids) with every `left right` merged into `id`, left to right (for tests).
    static func merged(_ word: [UInt32], _ left: UInt32, _ right: UInt32, into id: UInt32) -> [UInt32] {
        var symbols = word.map { Symbol(id: $0, length: 1) }
        var changes: [Change] = []
        mergeWord(&symbols, word: 0, count: 1, left, right, into: id, maxLength: .max, changes: &changes)
        return symbols.map(\.id)
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

/// The buffers the two halves of a large merge share. Each half writes only the words of its
/// own half of the entry (an entry lists each word once) and its own slot of the results, so
/// no element is touched by both threads.
private struct SharedBuffers: @unchecked Sendable {
    let words: UnsafeMutableBufferPointer<[MergeState.Symbol]>
    let results: UnsafeMutableBufferPointer<[MergeState.Change]>
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
