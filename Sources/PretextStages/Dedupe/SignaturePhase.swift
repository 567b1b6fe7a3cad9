import PretextCore
import PretextDedupe
import PretextStore

/// Phase 1 of exact and MinHash dedupe: every document's keys (its text hash, or its band
/// keys) with its keep priority, partitioned by band and hash range and written as sorted
/// runs (spilled whenever `memory_mb` is reached). Units: the input shards.
struct SignaturePhase: ShardPhase {
    static let name = "signatures"
    let settings: DocumentDedupeSettings
    let shards: [ShardUnit]

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let ranges = settings.ranges(worldSize: task.worldSize)
        let writer = PartitionedRunWriter<BandEntry>(
            directory: task.directory, prefix: "sig-r\(task.rank)", rank: task.rank,
            partitions: settings.bands * ranges, budgetBytes: settings.memoryBytes)
        var keys = DocumentKeys(settings: settings)
        guard let input = shards.first?.dataset, let inputOrder = try inputOrder() else { return }
        let idOrder = settings.keep == .id ? try IDOrder(dataset: input) : nil
        for unit in units {
            var documents = ShardDocuments(unit: shards[unit.index])
            let count = try documents.forEach { document, row, _, _ in
                let priority = settings.keep.priority(
                    row: row, textBytes: document.text.utf8.count,
                    order: idOrder?.key(of: row) ?? inputOrder.key(of: row))
                let bandKeys = try keys.keys(of: document.text)
                let sketch =
                    settings.verifyThreshold == nil ? DocumentSketch() : DocumentSketch(signature: keys.signature)
                for (band, key) in bandKeys.enumerated() {
                    let partition = settings.partition(band: band, key: key, ranges: ranges)
                    try writer.append(BandEntry(key: key, priority: priority, sketch: sketch), partition: partition)
                }
            }
            task.progress.add(documents: Int64(count), bytes: unit.bytes)
        }
        for file in try writer.finish() { task.register(file) }
    }
}

/// Computes a document's dedupe keys, reusing buffers.
struct DocumentKeys {
    let settings: DocumentDedupeSettings
    private var simplifier: DedupeTextSimplifier
    private let hasher: MinHasher
    private var simplified = SimplifiedText()
    private var shingles: [UInt64] = []
    /// The signature of the last document `keys(of:)` saw (MinHash).
    private(set) var signature: [UInt64] = []
    private var bandKeys: [Hash128] = []

    init(settings: DocumentDedupeSettings) {
        self.settings = settings
        simplifier = DedupeTextSimplifier(normalization: settings.normalization)
        hasher = MinHasher(parameters: settings.lsh, seed: settings.seed)
    }

    /// The text hash (exact), or one key per band (MinHash; none for a text without tokens).
    mutating func keys(of text: String) throws -> [Hash128] {
        try simplifier.simplify(text, into: &simplified)
        switch settings.kind {
        case .exact:
            return [Hash128(hashing: simplified.text)]
        case .minhash:
            settings.shingler.shingles(of: simplified, into: &shingles)
            guard !shingles.isEmpty else { return [] }
            hasher.signature(of: shingles, into: &signature)
            hasher.bandKeys(of: signature, into: &bandKeys)
            return bandKeys
        }
    }
}
