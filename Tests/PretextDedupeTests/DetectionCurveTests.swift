import PretextSynthetic
import Testing

@testable import PretextDedupe

/// The measured detection curve of MinHash LSH against 1 − (1 − s^r)^b, on the generated
/// near-duplicate set (a small version of the benchmark's).
@Suite("MinHash detection curve")
struct DetectionCurveTests {
    /// Whether two texts share a band key under `shape`.
    private struct Detector {
        let shingler = Shingler()
        let hasher: MinHasher
        var simplifier = DedupeTextSimplifier()
        var text = SimplifiedText()
        var shingles: [UInt64] = []
        var signature: [UInt64] = []

        init(shape: LSHParameters) { hasher = MinHasher(parameters: shape, seed: 1) }

        mutating func keys(_ document: String) throws -> [Hash128] {
            try simplifier.simplify(document, into: &text)
            shingler.shingles(of: text, into: &shingles)
            hasher.signature(of: shingles, into: &signature)
            var keys: [Hash128] = []
            hasher.bandKeys(of: signature, into: &keys)
            return keys
        }
    }

    private func samples(shape: LSHParameters) throws -> [DetectionCurve.Sample] {
        var configuration = NearDuplicateCorpus.Configuration(documentCount: 2500, seed: 7)
        configuration.familyShare = 0.8
        configuration.editRate = 0.0...0.15
        let corpus = NearDuplicateCorpus(configuration)
        var texts: [String: String] = [:]
        corpus.forEachDocument { texts[$0.id] = $0.text }
        var detector = Detector(shape: shape)
        var samples: [DetectionCurve.Sample] = []
        try corpus.forEachFamilyPair { pair in
            let first = try detector.keys(texts[pair.a]!)
            let second = try detector.keys(texts[pair.b]!)
            let shared = zip(first, second).contains { $0 == $1 }
            samples.append(DetectionCurve.Sample(similarity: pair.jaccard, detected: shared))
        }
        return samples
    }

    @Test("14 × 8 and 20 × 5 follow their S-curves within sampling error", arguments: [(14, 8), (20, 5)])
    func followsTheSCurve(bands: Int, rows: Int) throws {
        let shape = LSHParameters(bands: bands, rows: rows)
        let samples = try samples(shape: shape)
        #expect(samples.count > 1200)
        var checked = 0
        for bin in DetectionCurve.bins(samples, bands: bands, rows: rows) where bin.count >= 50 {
            // Four binomial standard deviations, plus the curve's change across a 0.05-wide bin.
            let p = bin.theoretical
            let sampling = 4 * max(0.02, (p * (1 - p) / Double(bin.count)).squareRoot())
            let lower = shape.probability(similarity: bin.lower)
            let upper = shape.probability(similarity: bin.upper)
            let tolerance = sampling + (upper - lower) / 2
            #expect(
                abs(bin.measured - p) <= tolerance,
                "s ∈ [\(bin.lower), \(bin.upper)): measured \(bin.measured) of \(bin.count), theory \(p)")
            checked += 1
        }
        #expect(checked >= 8)
    }
}
