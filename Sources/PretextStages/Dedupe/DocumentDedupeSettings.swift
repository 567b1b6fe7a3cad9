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
        normalization = try DedupeNormalization(names: options[DedupeOptions.normalize])
        shingler = Shingler(ngram: options[DedupeOptions.ngram], cjkNgram: options[DedupeOptions.cjkNgram])
        let threshold = options[DedupeOptions.threshold]
        if threshold > 0 {
            lsh = LSHParameters.optimal(threshold: threshold, hashCount: options[DedupeOptions.numHashes])
        } else {
            lsh = LSHParameters(bands: options[DedupeOptions.bands], rows: options[DedupeOptions.rows])
        }
        seed = UInt64(options[DedupeOptions.seed])
        hashRanges = options[DedupeOptions.hashRanges]
        memoryBytes = options[DedupeOptions.memoryMB] << 20
        let verify = kind == .minhash && options[DedupeOptions.verify]
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
