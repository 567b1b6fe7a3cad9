import PretextCore
import PretextDedupe

/// The settings of exact and MinHash dedupe, from the stage options.
struct DocumentDedupeSettings: Sendable {
    /// What makes two documents duplicates.
    enum Kind: String, Sendable {
        /// Equal XXH3-128 of the simplified text.
        case exact
        /// MinHash LSH: a shared band of the signature.
        case minhash
    }

    let kind: Kind
    let keep: KeepRule
    let normalization: DedupeNormalization
    let shingler: Shingler
    let lsh: LSHParameters
    let seed: UInt64
    /// Hash ranges per band (0: chosen from the world size).
    let hashRanges: Int
    /// Records a signatures task holds before it spills a sorted run.
    let memoryBytes: Int
    /// The estimated Jaccard a MinHash candidate pair must reach to be joined (`nil`: every
    /// candidate is joined, as datatrove does).
    let verifyThreshold: Double?

    init(kind: Kind, options: StageOptions) throws {
        self.kind = kind
        keep = try KeepRule(options: options)
        normalization = try DedupeNormalization(names: options.list("normalize") ?? DedupeNormalization.stepNames)
        shingler = Shingler(ngram: options.integer("ngram") ?? 5, cjkNgram: options.integer("cjk_ngram") ?? 5)
        let threshold = options.number("threshold") ?? 0
        if threshold > 0 {
            lsh = LSHParameters.optimal(threshold: threshold, hashCount: options.integer("num_hashes") ?? 112)
        } else {
            lsh = LSHParameters(bands: options.integer("bands") ?? 14, rows: options.integer("rows") ?? 8)
        }
        seed = UInt64(options.integer("seed") ?? 1)
        hashRanges = options.integer("hash_ranges") ?? 0
        memoryBytes = (options.integer("memory_mb") ?? 512) << 20
        let verify = kind == .minhash && (options.boolean("verify") ?? true)
        verifyThreshold = verify ? (threshold > 0 ? threshold : lsh.threshold) : nil
    }

    /// Keys per document: one text hash, or one key per band.
    var bands: Int { kind == .exact ? 1 : lsh.bands }

    /// Hash ranges per band for a run of `worldSize` tasks: enough partitions that every
    /// rank gets work in the buckets phase.
    func ranges(worldSize: Int) -> Int {
        if hashRanges > 0 { return hashRanges }
        return max(1, (2 * worldSize + bands - 1) / bands)
    }

    /// The partition of `key` in `band`.
    func partition(band: Int, key: Hash128, ranges: Int) -> Int {
        band * ranges + Int(key.high % UInt64(ranges))
    }

    /// The drop reason of a duplicate.
    var reason: String { kind == .exact ? "exact_duplicate" : "near_duplicate" }
}
