/// Merges sorted work files into one sorted stream (a k-way merge on a binary heap).
///
/// Each input must be sorted by the record's `<`; ties come out in input order. Every input
/// is read to its end, so every checksum is checked before `next()` returns `nil`.
public struct WorkFileMerger<Record: FixedWidthRecord> {
    private var readers: [WorkFileReader<Record>]
    private var heap: [(record: Record, source: Int)] = []

    /// Creates a merger over `readers`.
    public init(_ readers: [WorkFileReader<Record>]) throws {
        self.readers = readers
        for (source, reader) in readers.enumerated() {
            if let record = try reader.next() { push((record, source)) }
        }
    }

    /// The next record in sorted order, or `nil` when every input is exhausted.
    public mutating func next() throws -> Record? {
        guard let top = heap.first else { return nil }
        if let record = try readers[top.source].next() {
            heap[0] = (record, top.source)
            siftDown(0)
        } else {
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0)
            }
        }
        return top.record
    }

    private func precedes(_ a: (record: Record, source: Int), _ b: (record: Record, source: Int)) -> Bool {
        a.record < b.record || (!(b.record < a.record) && a.source < b.source)
    }

    private mutating func push(_ item: (record: Record, source: Int)) {
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var best = left
            if left + 1 < heap.count, precedes(heap[left + 1], heap[left]) { best = left + 1 }
            guard precedes(heap[best], heap[parent]) else { return }
            heap.swapAt(best, parent)
            parent = best
        }
    }
}
