import Foundation

/// The Unigram trainer's first vocabulary, as SentencePiece makes it: every covered character,
/// then the substrings that occur more than once, scored by occurrences × length, the best
/// `seedSize` of them; scores become log probabilities.
///
/// SentencePiece builds the suffix array of every sentence of the corpus. Pretext builds it
/// over the distinct words and weights each suffix by its word's count, so a substring's
/// occurrences are still counted in the whole corpus while the array holds each word once.
/// Substrings are the suffix tree's internal nodes (those followed by two different characters
/// somewhere) and the whole words that occur only in themselves.
enum SeedPieces {
    /// A piece of the seed vocabulary: dense character ids and a log probability.
    typealias Piece = (symbols: [UInt32], score: Double)

    static func make(_ corpus: UnigramCorpus, validity: PieceValidity, maxLength: Int, seedSize: Int) -> [Piece] {
        var pieces: [(symbols: [UInt32], score: UInt64)] = []
        // Every covered character, by count then code point.
        let characters = (2..<corpus.characters.count).sorted {
            let (a, b) = (corpus.characterCounts[$0], corpus.characterCounts[$1])
            return a != b ? a > b : $0 < $1
        }
        for id in characters { pieces.append(([UInt32(id)], corpus.characterCounts[id])) }
        var best = BestSubstrings(capacity: seedSize)
        corpus.symbols.withUnsafeBufferPointer { text in
            collect(corpus, text: text, validity: validity, maxLength: maxLength, into: &best)
        }
        for candidate in best.sorted() {
            pieces.append(
                (Array(corpus.symbols[candidate.start..<candidate.start + candidate.length]), candidate.score))
        }
        let total = pieces.reduce(0.0) { $0 + Double($1.score) }
        let logTotal = total > 0 ? log(total) : 0
        return pieces.map { ($0.symbols, log(Double($0.score)) - logTotal) }
    }

    /// Offers every repeated substring and every once-occurring whole word to `best`.
    private static func collect(
        _ corpus: UnigramCorpus, text: UnsafeBufferPointer<UInt32>, validity: PieceValidity, maxLength: Int,
        into best: inout BestSubstrings
    ) {
        let n = text.count
        guard n > 1 else { return }
        let upper = corpus.characters.count
        let sa = SuffixArray.make(text, upper: upper)
        let lcp = SuffixArray.longestCommonPrefixes(text, sa)
        // The word of each position, for the weights.
        var wordOf = [Int32](repeating: 0, count: n)
        for word in 0..<corpus.wordCount {
            for position in corpus.starts[word]..<corpus.starts[word + 1] { wordOf[position] = Int32(word) }
        }
        func offer(start: Int, length: Int, occurrences: UInt64) {
            guard length >= 2, length <= maxLength else { return }
            let score = occurrences * UInt64(length)
            guard best.wouldTake(score: score, start: start, length: length, text: text) else { return }
            let piece = UnsafeBufferPointer(rebasing: text[start..<start + length])
            guard !piece.contains(UnigramCorpus.boundary), validity.isValid(piece) else { return }
            best.add(score: score, start: start, length: length, text: text)
        }
        // Internal nodes: lcp intervals, found bottom-up with a stack of (depth, left bound,
        // weight before the left bound).
        var stack: [(depth: Int32, left: Int, weight: UInt64)] = [(0, 0, 0)]
        var weight: UInt64 = 0  // the counts of suffixes sa[0..<i]
        for i in 1...n {
            weight &+= corpus.counts[Int(wordOf[Int(sa[i - 1])])]
            let depth = i < n ? lcp[i - 1] : 0
            var left = i - 1
            var leftWeight = weight - corpus.counts[Int(wordOf[Int(sa[i - 1])])]
            while depth < stack[stack.count - 1].depth {
                let node = stack.removeLast()
                offer(start: Int(sa[node.left]), length: Int(node.depth), occurrences: weight - node.weight)
                left = node.left
                leftWeight = node.weight
            }
            if depth > stack[stack.count - 1].depth { stack.append((depth, left, leftWeight)) }
        }
        // Whole words whose only occurrence is themselves (a leaf of the suffix tree).
        var rank = [Int32](repeating: 0, count: n)
        for (index, start) in sa.enumerated() { rank[Int(start)] = Int32(index) }
        for word in 0..<corpus.wordCount {
            let range = corpus.word(word)
            guard range.count >= 2, range.count <= maxLength else { continue }
            let r = Int(rank[range.lowerBound])
            let before = r > 0 ? Int(lcp[r - 1]) : 0
            let after = r < n - 1 ? Int(lcp[r]) : 0
            if max(before, after) < range.count {
                offer(start: range.lowerBound, length: range.count, occurrences: corpus.counts[word])
            }
        }
    }
}

/// The best substrings seen so far, at most `capacity` of them, in a min-heap: higher score
/// first, then the smaller symbols (in code point order).
struct BestSubstrings {
    struct Candidate {
        var score: UInt64
        var start: Int
        var length: Int
    }

    private var heap: [Candidate] = []
    private let capacity: Int
    private var text: UnsafeBufferPointer<UInt32>?

    init(capacity: Int) { self.capacity = capacity }

    /// Whether a candidate would be kept (cheap unless it ties with the worst kept one).
    func wouldTake(score: UInt64, start: Int, length: Int, text: UnsafeBufferPointer<UInt32>) -> Bool {
        guard capacity > 0 else { return false }
        guard heap.count == capacity else { return true }
        let worst = heap[0]
        if score != worst.score { return score > worst.score }
        return Self.precedes(Candidate(score: score, start: start, length: length), worst, text)
    }

    mutating func add(score: UInt64, start: Int, length: Int, text: UnsafeBufferPointer<UInt32>) {
        self.text = text
        let candidate = Candidate(score: score, start: start, length: length)
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1, text)
        } else {
            heap[0] = candidate
            siftDown(0, text)
        }
    }

    /// The kept candidates, best first.
    func sorted() -> [Candidate] {
        guard let text else { return [] }
        return heap.sorted { Self.precedes($0, $1, text) }
    }

    /// Whether `a` ranks before (is better than) `b`.
    private static func precedes(_ a: Candidate, _ b: Candidate, _ text: UnsafeBufferPointer<UInt32>) -> Bool {
        if a.score != b.score { return a.score > b.score }
        let x = text[a.start..<a.start + a.length]
        let y = text[b.start..<b.start + b.length]
        return x.lexicographicallyPrecedes(y)
    }

    private mutating func siftUp(_ index: Int, _ text: UnsafeBufferPointer<UInt32>) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            // Min-heap on rank: the worst candidate on top.
            guard Self.precedes(heap[parent], heap[child], text) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int, _ text: UnsafeBufferPointer<UInt32>) {
        var parent = index
        while true {
            var worst = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count {
                if Self.precedes(heap[worst], heap[child], text) { worst = child }
            }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
