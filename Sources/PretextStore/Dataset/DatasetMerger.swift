import PretextCore
import _PretextFileSystem

/// Folds the part catalogs of one stage step into the dataset's main catalog.
///
/// Requires every rank's part to be done. In one transaction on the main catalog it copies,
/// rank by rank, each part's shards (shard ids shifted past the main catalog's), documents,
/// drops, runs and `dataset_meta`, adding any signal columns a part has that the main
/// catalog lacks; after the commit it deletes the parts. A rerun after a crash between the
/// commit and the deletion finds the ranks already merged and only deletes their parts.
///
/// Rows are copied through a second connection rather than `ATTACH`, because SQLite allows
/// at most 10 attached databases and a stage can have thousands of ranks.
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

    /// Merges the parts of `step`/`stage` written by `worldSize` ranks.
    /// - Throws: `.notFound` listing the ranks whose parts are missing or not done;
    ///   `.catalog` when SQLite fails (the main catalog is left unchanged).
    @discardableResult
    public static func merge(dataset: Dataset, step: Int, stage: String, worldSize: Int) throws -> Result {
        try PartNaming.validate(step: step, stage: stage, rank: 0, worldSize: worldSize)
        let main = try dataset.openCatalog()
        var result = Result(mergedRanks: [], alreadyMergedRanks: [], shards: 0, documents: 0, drops: 0)
        var pending: [(rank: Int, path: String)] = []
        var missing: [Int] = []
        for rank in 0..<worldSize {
            let path = dataset.path(PartNaming(step: step, stage: stage, rank: rank).partCatalog)
            if let run = try main.run(step: step, stage: stage, rank: rank, worldSize: worldSize), run.status == "done"
            {
                result.alreadyMergedRanks.append(rank)
            } else if try partIsDone(path, step: step, stage: stage, rank: rank, worldSize: worldSize) {
                pending.append((rank, path))
            } else {
                missing.append(rank)
            }
        }
        guard missing.isEmpty else {
            throw PretextError(
                .notFound,
                "cannot merge step \(step) (\(stage)): ranks \(describe(missing)) of \(worldSize) have not finished; "
                    + "run them, then merge again",
                path: dataset.partsDirectory)
        }
        try main.transaction {
            for part in pending {
                let counts = try PartCopier(main: main.connection, partPath: part.path).copyAll()
                result.shards += counts.shards
                result.documents += counts.documents
                result.drops += counts.drops
                result.mergedRanks.append(part.rank)
            }
        }
        for rank in 0..<worldSize {
            try removePart(dataset.path(PartNaming(step: step, stage: stage, rank: rank).partCatalog))
        }
        return result
    }

    private static func partIsDone(_ path: String, step: Int, stage: String, rank: Int, worldSize: Int) throws -> Bool {
        guard FileSystem.exists(path) else { return false }
        let part = try Catalog(path: path)
        return try part.run(step: step, stage: stage, rank: rank, worldSize: worldSize)?.status == "done"
    }

    private static func removePart(_ path: String) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] { try FileSystem.removeFile(path + suffix) }
    }

    /// `0, 2, 5` (the first 20, then a count).
    static func describe(_ ranks: [Int]) -> String {
        let shown = ranks.prefix(20).map(String.init).joined(separator: ", ")
        return ranks.count > 20 ? shown + " and \(ranks.count - 20) more" : shown
    }
}
