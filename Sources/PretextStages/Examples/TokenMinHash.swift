import PretextCore

/// MinHash over token 3-grams, for the hard negatives of the contrastive pairs: each document's
/// nearest neighbour below a similarity bound, found through LSH buckets.
///
/// 32 hash functions (`mix(hash(3-gram) ^ seed_i)`, SplitMix64's finalizer), 8 bands of 4 rows:
/// documents sharing a band's values are candidates (a pair of Jaccard 0.6 shares one with
/// probability 0.66, 0.3 with 0.06); their similarity is estimated as the share of equal
/// signature values.
struct TokenMinHash: Sendable {
    static let hashes = 32
    static let rows = 4
    /// The most candidates examined per document.
    static let maxCandidates = 64

    let seeds: [UInt64]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x6D69_6E68_6173_6821)
        seeds = (0..<Self.hashes).map { _ in random.next() }
    }

    /// The signature of `ids` (all `UInt64.max` for fewer than 3 tokens).
    func signature(_ ids: [UInt32]) -> [UInt64] {
        var minimum = [UInt64](repeating: .max, count: Self.hashes)
        guard ids.count >= 3 else { return minimum }
        for start in 0...(ids.count - 3) {
            let gram =
                UInt64(ids[start]) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(ids[start + 1]) << 21
                ^ UInt64(ids[start + 2]) &* 0xC2B2_AE3D_27D4_EB4F
            for index in 0..<Self.hashes {
                let value = SplitMix64.mix(gram ^ seeds[index])
                if value < minimum[index] { minimum[index] = value }
            }
        }
        return minimum
    }

    /// The estimated Jaccard similarity of two signatures.
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        Double(zip(a, b).filter { $0 == $1 && $0 != .max }.count) / Double(hashes)
    }

    /// For each document, the most similar other document whose estimated similarity is
    /// above 0 and below `bound`, or `nil`.
    func neighbours(_ signatures: [[UInt64]], below bound: Double) -> [Int?] {
        var buckets: [[UInt64]: [Int]] = [:]
        for (index, signature) in signatures.enumerated() where signature[0] != .max {
            for band in stride(from: 0, to: Self.hashes, by: Self.rows) {
                buckets[[UInt64(band)] + signature[band..<band + Self.rows], default: []].append(index)
            }
        }
        var candidates = [[Int]](repeating: [], count: signatures.count)
        for members in buckets.values where members.count > 1 {
            for member in members where candidates[member].count < Self.maxCandidates {
                candidates[member] += members.prefix(Self.maxCandidates).filter { $0 != member }
            }
        }
        return candidates.enumerated().map { index, list in
            var best: (index: Int, similarity: Double)?
            for other in Set(list).sorted() {
                let similarity = Self.similarity(signatures[index], signatures[other])
                if similarity > 0, bound > similarity, similarity > (best?.similarity ?? 0) {
                    best = (other, similarity)
                }
            }
            return best?.index
        }
    }
}
