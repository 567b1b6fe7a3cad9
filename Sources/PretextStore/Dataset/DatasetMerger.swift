import PretextCore
import _PretextFileSystem

/// Folds the part catalogs of one stage step into the dataset's main catalog.
///
/// Requires every rank's part to be done (`StepStatus`). Rank by rank, each in one transaction
/// on the main catalog, it copies the part's shards (shard ids shifted past the main
/// catalog's), documents, drops, runs and `dataset_meta`, adding any signal columns a part has
/// that the main catalog lacks (`PartCopier`); then it deletes the parts. A rank's `runs` rows
/// are copied with its other rows, so a rerun after a crash finds each rank either merged (its
/// leftover part is only deleted) or not (it is copied again).
///
/// Each part is attached to the main connection only while it is copied, so a stage with
/// thousands of ranks stays within SQLite's limit of attached databases.
public enum DatasetMerger {
    /// What a merge did.
    public struct Result: Sendable, Equatable {
        /// Ranks whose parts were copied by this call.
        public var mergedRanks: [Int]
        /// Ranks found already merged (their leftover parts were deleted).
        public var alreadyMergedRanks: [Int]
        /// Shard rows copied.
        public var shards: Int
        /// Document rows copied.
        public var documents: Int
        /// Drop rows copied.
        public var drops: Int
    }

    /// What a merge call found.
    public enum Outcome: Sendable, Equatable {
        /// Every rank was merged (by this call or an earlier one).
        case merged(Result)
        /// These ranks have not finished (another process still runs them): nothing was merged.
        case waiting(ranks: [Int])

        /// The merge's counts, or `nil` while ranks are missing.
        public var result: Result? {
            if case .merged(let result) = self { return result }
            return nil
        }
    }

    /// Merges the parts of `step`/`stage` written by `worldSize` ranks with configuration
    /// `configHash`, once every rank has finished (`StepStatus`).
    ///
    /// - Returns: `.merged` with the counts, or `.waiting` with the ranks not finished yet.
    /// - Throws: `.catalog` when SQLite fails (the rank being copied is left unmerged).
    @discardableResult
    public static func merge(
        dataset: Dataset, step: Int, stage: String, configHash: String, worldSize: Int
    ) throws -> Outcome {
        try PartNaming.validate(step: step, stage: stage, rank: 0, worldSize: worldSize)
        let status = try StepStatus(
            dataset: dataset, step: step, stage: stage, configHash: configHash, worldSize: worldSize)
        let states = (0..<worldSize).map(status.task)
        let missing = (0..<worldSize).filter { states[$0] == .pending }
        guard missing.isEmpty else { return .waiting(ranks: missing) }
        var result = Result(mergedRanks: [], alreadyMergedRanks: [], shards: 0, documents: 0, drops: 0)
        let main = try dataset.openCatalog()
        for rank in 0..<worldSize where states[rank] == .finished {
            let counts = try PartCopier(main: main.connection, partPath: status.partCatalogPath(rank: rank)).copyAll()
            result.shards += counts.shards
            result.documents += counts.documents
            result.drops += counts.drops
            result.mergedRanks.append(rank)
        }
        result.alreadyMergedRanks = (0..<worldSize).filter { states[$0] == .merged }
        for rank in 0..<worldSize { try removePart(status.partCatalogPath(rank: rank)) }
        return .merged(result)
    }

    /// What a step waiting for `ranks` tells the user.
    public static func waitingMessage(step: Int, stage: String, ranks: [Int], worldSize: Int) -> String {
        "cannot merge step \(step) (\(stage)): ranks \(describe(ranks)) of \(worldSize) have not finished; "
            + "run them, then merge again"
    }

    private static func removePart(_ path: String) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] { try FileSystem.removeFile(path + suffix) }
    }

    /// `0, 2, 5` (the first 20, then a count): ranks in a message.
    public static func describe(_ ranks: [Int]) -> String {
        let shown = ranks.prefix(20).map(String.init).joined(separator: ", ")
        return ranks.count > 20 ? shown + " and \(ranks.count - 20) more" : shown
    }
}
