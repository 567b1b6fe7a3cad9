import Foundation
import PretextCore
import Testing

@testable import PretextDedupe

@Suite("Counting Bloom filter")
struct CountingBloomFilterTests {
    /// Distinct, well-spread test hashes (SplitMix64 from `seed`).
    private func hashes(_ count: Int, seed: UInt64) -> [UInt64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in random.next() }
    }

    @Test("the shape follows m = −n·ln p / (ln 2)² and k = (m/n)·ln 2")
    func sizing() {
        let shape = CountingBloomFilter.Shape.optimal(items: 1000, falsePositiveRate: 0.01)
        // m = 1000 · 4.60517 / 0.480453 = 9585.06 → 9586, rounded up to 150 blocks of 64.
        #expect(shape.counters == 9600)
        // k = 9586 / 1000 · 0.693147 = 6.64 → 7.
        #expect(shape.hashes == 7)
        let strict = CountingBloomFilter.Shape.optimal(items: 1_000_000, falsePositiveRate: 0.001)
        let m = (1_000_000 * -log(0.001) / (log(2) * log(2))).rounded(.up)
        #expect(strict.counters == (Int(m) + 63) / 64 * 64)
        #expect(strict.hashes == 10)
        #expect(CountingBloomFilter.Shape(counters: 1, hashes: 0) == CountingBloomFilter.Shape(counters: 64, hashes: 1))
    }

    @Test("counts are never below the truth, and exact when the filter is roomy")
    func counts() {
        var filter = CountingBloomFilter(shape: .optimal(items: 2000, falsePositiveRate: 0.001))
        let items = hashes(2000, seed: 1)
        for (index, hash) in items.enumerated() {
            for _ in 0..<(1 + index % 4) { filter.insert(hash) }
        }
        var exact = 0
        for (index, hash) in items.enumerated() {
            #expect(filter.count(of: hash) >= 1 + index % 4)
            if filter.count(of: hash) == 1 + index % 4 { exact += 1 }
        }
        #expect(exact >= 1990)
    }

    @Test("the false-positive rate of items never inserted is near the target")
    func falsePositiveRate() {
        let target = 0.01
        var filter = CountingBloomFilter(shape: .optimal(items: 5000, falsePositiveRate: target))
        for hash in hashes(5000, seed: 2) { filter.insert(hash) }
        let probes = hashes(20000, seed: 3)
        let positives = probes.filter { filter.count(of: $0) > 0 }.count
        #expect(Double(positives) / Double(probes.count) < 2 * target)
    }

    @Test("counters saturate at 255")
    func saturation() {
        var filter = CountingBloomFilter(shape: CountingBloomFilter.Shape(counters: 64, hashes: 3))
        for _ in 0..<300 { filter.insert(42) }
        #expect(filter.count(of: 42) == CountingBloomFilter.maximumCount)
    }

    @Test("merging by saturating addition does not depend on how items were split")
    func merge() {
        let shape = CountingBloomFilter.Shape.optimal(items: 300, falsePositiveRate: 0.05)
        let items = hashes(300, seed: 4)
        var whole = CountingBloomFilter(shape: shape)
        var parts = [CountingBloomFilter](repeating: CountingBloomFilter(shape: shape), count: 3)
        for (index, hash) in items.enumerated() {
            let times = index % 7 == 0 ? 200 : 1
            for _ in 0..<times {
                whole.insert(hash)
                parts[index % 3].insert(hash)
            }
        }
        var merged = CountingBloomFilter(shape: shape)
        for part in parts.reversed() {
            let added = merged.formSaturatingSum(with: part)
            #expect(added)
        }
        #expect(merged == whole)
        let other = merged.formSaturatingSum(with: CountingBloomFilter(shape: .init(counters: 64, hashes: 1)))
        #expect(!other)
    }

    @Test("blocks split the counters into ordered ranges and add up like the filter")
    func blocks() {
        let shape = CountingBloomFilter.Shape(counters: 64 * 10, hashes: 2)
        let ranges = (0..<4).map { shape.blockRange(part: $0, of: 4) }
        #expect(ranges.map(\.count).reduce(0, +) == 10)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        var a = RepeatedCounterBlock(counters: SIMD64(repeating: 200))
        a.formSaturatingSum(with: RepeatedCounterBlock(counters: SIMD64(repeating: 100)))
        #expect(a.counters == SIMD64(repeating: 255))
        var stored = [UInt8](repeating: 0, count: 64)
        stored.withUnsafeMutableBytes { a.store(to: $0.baseAddress!) }
        #expect(stored.withUnsafeBytes { RepeatedCounterBlock(loading: $0.baseAddress!) }.counters == a.counters)
    }

    @Test("a count record keeps the earliest first occurrence when merged and round-trips")
    func countRecord() {
        var total = RepeatedUnitCount(hash: 9, count: 2, order: 3, document: 5, position: 40)
        total.merge(RepeatedUnitCount(hash: 9, count: 3, order: 3, document: 5, position: 12))
        total.merge(RepeatedUnitCount(hash: 9, count: 1, order: 4, document: 1, position: 0))
        total.merge(RepeatedUnitCount(hash: 9, count: 1, order: 3, document: 6, position: 0))
        #expect(total == RepeatedUnitCount(hash: 9, count: 7, order: 3, document: 5, position: 12))
        #expect(total.isFirst(document: 5, position: 12) && !total.isFirst(document: 5, position: 40))
        var bytes = [UInt8](repeating: 0, count: RepeatedUnitCount.byteCount)
        bytes.withUnsafeMutableBytes { total.store(to: $0.baseAddress!) }
        #expect(bytes.withUnsafeBytes { RepeatedUnitCount(loading: $0.baseAddress!) } == total)
        #expect(RepeatedUnitCount(hash: 1, count: 1, order: 9, document: 9, position: 0) < total)
        #expect(RepeatedUnitCount(hash: 9, count: 1, order: 2, document: 8, position: 0) < total)
        #expect(RepeatedUnitCount(hash: 9, count: 1, order: 3, document: 5, position: 3) < total)
    }
}
