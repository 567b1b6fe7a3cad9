import PretextCore
import Testing

@testable import PretextDedupe

@Suite("MinHash and LSH")
struct MinHashTests {
    @Test("hash values are datatrove's ((a·x + b) mod 2^64) mod (2^61 − 1)")
    func arithmetic() {
        let p = MinHasher.prime
        var random = SplitMix64(seed: 7)
        let edges: [UInt64] = [0, 1, 2, p - 1, p, p + 1, UInt64.max - 1, UInt64.max]
        for a in edges { for x in edges { for b in edges { #expect(MinHasher.hash(a, x, b) == (a &* x &+ b) % p) } } }
        for _ in 0..<5000 {
            let (a, x, b) = (random.next(), random.next(), random.next())
            #expect(MinHasher.hash(a, x, b) == (a &* x &+ b) % p)
        }
    }

    @Test("identical shingle sets give identical signatures; the estimate tracks Jaccard")
    func signatures() {
        let hasher = MinHasher(parameters: LSHParameters(bands: 32, rows: 8), seed: 1)
        let base = (0..<400).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        var first: [UInt64] = []
        var second: [UInt64] = []
        hasher.signature(of: base, into: &first)
        hasher.signature(of: base.reversed(), into: &second)
        #expect(first == second)
        // Replace 100 of 400 shingles: Jaccard 300/500 = 0.6.
        let changed = Array(base[0..<300]) + (0..<100).map { UInt64($0 + 10_000) &* 0xBF58_476D_1CE4_E5B9 }
        hasher.signature(of: changed, into: &second)
        let agree = zip(first, second).filter { $0 == $1 }.count
        let estimate = Double(agree) / Double(first.count)
        #expect(abs(estimate - 0.6) < 0.1, "estimate \(estimate)")
    }

    @Test("datatrove's 14 × 8 puts the threshold near 0.72")
    func threshold() {
        let shape = LSHParameters.datatrove
        #expect(shape.hashCount == 112)
        #expect(abs(shape.threshold - 0.7190) < 0.001)
        #expect(abs(shape.probability(similarity: 0.72) - 0.650) < 0.01)
        #expect(shape.probability(similarity: 0.9) > 0.999)
        #expect(shape.probability(similarity: 0.3) < 0.001)
    }

    @Test("bands and rows derived from a threshold put the S-curve's middle near it")
    func optimal() {
        for target in [0.5, 0.7, 0.8, 0.9] {
            let shape = LSHParameters.optimal(threshold: target, hashCount: 128)
            #expect(shape.hashCount <= 128)
            #expect(abs(shape.threshold - target) < 0.08, "target \(target): \(shape)")
        }
    }

    @Test("band keys differ when one row differs")
    func bandKeys() {
        let hasher = MinHasher(parameters: LSHParameters(bands: 3, rows: 2))
        var keys: [Hash128] = []
        hasher.bandKeys(of: [1, 2, 3, 4, 5, 6], into: &keys)
        var other: [Hash128] = []
        hasher.bandKeys(of: [1, 2, 3, 9, 5, 6], into: &other)
        #expect(keys.count == 3)
        #expect(keys[0] == other[0] && keys[1] != other[1] && keys[2] == other[2])
    }

    @Test("shingles are hashed word n-grams; short documents get one shingle; CJK uses characters")
    func shingles() throws {
        var simplifier = DedupeTextSimplifier()
        var text = SimplifiedText()
        var shingles: [UInt64] = []
        let shingler = Shingler(ngram: 3, cjkNgram: 2)
        try simplifier.simplify("One two three four five", into: &text)
        shingler.shingles(of: text, into: &shingles)
        #expect(shingles.count == 3)
        #expect(shingles[0] == Array("one two three".utf8).withUnsafeBytes { XXH3.hash64($0.baseAddress!, count: 13) })
        try simplifier.simplify("Just two", into: &text)
        shingler.shingles(of: text, into: &shingles)
        #expect(shingles.count == 1)
        try simplifier.simplify("我们去公园", into: &text)
        shingler.shingles(of: text, into: &shingles)
        #expect(shingles.count == 4)
        try simplifier.simplify("!!!", into: &text)
        shingler.shingles(of: text, into: &shingles)
        #expect(shingles.isEmpty)
    }
}

@Suite("Priority union-find")
struct PriorityUnionFindTests {
    @Test("components keep their best document as root, with sizes")
    func components() {
        var find = PriorityUnionFind()
        let docs = (0..<8).map { KeepPriority(document: UInt64($0), score: 0) }
        find.union(docs[3], docs[5])
        find.union(docs[5], docs[1])
        find.union(docs[6], docs[7])
        #expect(find.root(of: 5)?.document == 1)
        #expect(find.root(of: 7)?.document == 6)
        #expect(find.root(of: 0) == nil)
        var seen: [(UInt64, UInt64, Int)] = []
        find.forEachMember { seen.append(($0.document, $1.document, $2)) }
        #expect(seen.map(\.0) == [1, 3, 5, 6, 7])
        #expect(seen.map(\.1) == [1, 1, 1, 6, 6])
        #expect(seen.map(\.2) == [3, 3, 3, 2, 2])
    }

    @Test("a higher score wins over input order; NaN loses")
    func scores() {
        var find = PriorityUnionFind()
        find.union(KeepPriority(document: 1, score: 10), KeepPriority(document: 2, score: 30))
        find.union(KeepPriority(document: 2, score: 30), KeepPriority(document: 0, score: .nan))
        #expect(find.root(of: 0)?.document == 2)
    }
}

@Suite("Document sketches")
struct DocumentSketchTests {
    @Test("4-bit sketches estimate the Jaccard similarity within sampling error")
    func estimate() {
        let hasher = MinHasher(parameters: .datatrove, seed: 3)
        let base = (0..<600).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        var first: [UInt64] = []
        hasher.signature(of: base, into: &first)
        let sketch = DocumentSketch(signature: first)
        #expect(sketch.similarity(to: sketch, hashCount: 112) == 1)
        for kept in [600, 500, 400, 300] {
            // Jaccard of the first `kept` shingles plus (600 − kept) new ones against the base.
            let other = Array(base[0..<kept]) + (0..<(600 - kept)).map { UInt64($0 + 50_000) &* 0xBF58_476D_1CE4_E5B9 }
            var second: [UInt64] = []
            hasher.signature(of: other, into: &second)
            let jaccard = Double(kept) / Double(1200 - kept)
            let estimate = sketch.similarity(to: DocumentSketch(signature: second), hashCount: 112)
            #expect(abs(estimate - jaccard) < 0.15, "J \(jaccard): estimate \(estimate)")
        }
        let unrelated = (0..<600).map { UInt64($0 + 90_000) &* 0x94D0_49BB_1331_11EB }
        var third: [UInt64] = []
        hasher.signature(of: unrelated, into: &third)
        #expect(sketch.similarity(to: DocumentSketch(signature: third), hashCount: 112) < 0.15)
    }

    @Test("positions past the signature agree and are not counted")
    func shortSignatures() {
        let sketch = DocumentSketch(signature: [1, 2, 3, 4])
        #expect(
            sketch.similarity(to: DocumentSketch(signature: [1, 2, 3, 5]), hashCount: 4) == (0.75 - 1.0 / 16)
                / (15.0 / 16))
    }
}
