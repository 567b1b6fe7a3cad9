import PretextCore
import PretextStore

/// A first phase of dedupe, whose units are the input shards (`units` in catalog order).
protocol ShardPhase: StagePhase {
    /// The input dataset's document shards.
    var shards: [ShardUnit] { get }
}

extension ShardPhase {
    /// One unit per input shard, in catalog order.
    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        shards.enumerated().map { PhaseUnit(key: $1.path, bytes: $1.bytes, index: $0) }
    }

    /// The input order of the input dataset's documents, or `nil` when it has no shards.
    func inputOrder() throws -> InputOrder? {
        try shards.first.map { try InputOrder(dataset: $0.dataset) }
    }
}
