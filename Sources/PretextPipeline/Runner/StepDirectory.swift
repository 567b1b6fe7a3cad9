import PretextCore
import PretextStore
import _PretextFileSystem

/// Housekeeping of a step's output directory.
enum StepDirectory {
    /// Empties the dataset at `path` when its catalog holds `step` written with a configuration
    /// other than `hash` or another world size (`--overwrite`); leaves it alone otherwise, so
    /// finished tasks are kept.
    ///
    /// Never deletes what another live process is writing: ranks that find the dataset foreign
    /// take turns (a blocking lock), and the dataset is emptied only when every other rank
    /// being written belongs to this configuration (`config`, `HASH-wN`, the ranks of this
    /// same run, which have written nothing yet). The lock files stay.
    /// - Throws: `PretextError(.locked)` naming the holder when another configuration's run
    ///   is writing a rank of the dataset.
    static func removeIfForeign(
        _ path: String, step: Int, stage: String, hash: String, worldSize: Int, lock: OutputLock, config: String
    ) throws {
        let isForeign = {
            guard let dataset = try? Dataset.open(at: path) else { return false }
            return try StepStatus(dataset: dataset, step: step, stage: stage, configHash: hash, worldSize: worldSize)
                .isForeign
        }
        guard try isForeign() else { return }
        try FileLock.withLock(at: lock.overwriteLockPath) {
            // Another rank of this run may have replaced it while this one waited.
            guard try isForeign() else { return }
            if let other = try lock.otherHolders().first(where: { $0.holder?.config != config }) {
                let who = other.holder.map { "\($0)" } ?? "a process that has not written who it is"
                throw PretextError(
                    .locked,
                    "--overwrite cannot replace this dataset: rank \(other.rank) is being written by another run "
                        + "(\(who)); wait for it to finish",
                    path: path)
            }
            try removeContents(path)
        }
    }

    /// Deletes everything in a dataset directory but its lock files, refusing paths that are
    /// not datasets.
    static func removeContents(_ path: String) throws {
        guard FileSystem.exists(FileSystem.join(path, Dataset.catalogName)) else {
            throw PretextError(
                .invalidConfiguration, "refusing to delete a directory that is not a dataset", path: path)
        }
        for name in try FileSystem.listDirectory(path) where name != OutputLock.directoryName {
            try FileSystem.removeTree(FileSystem.join(path, name))
        }
    }

    /// The work areas of a phased step (`PATH/work`).
    static func workDirectory(_ path: String) -> String { FileSystem.join(path, "work") }

    /// Removes the work areas of the step at `path` once its dataset is complete: renamed
    /// first (one atomic step, so a run killed while deleting never leaves a half-removed
    /// `work/` that looks usable), then deleted. A leftover of an earlier killed removal goes
    /// too.
    static func removeWork(_ path: String) throws {
        let doomed = FileSystem.join(path, ".work-removed")
        if FileSystem.exists(workDirectory(path)) {
            try FileSystem.removeTree(doomed)
            try FileSystem.rename(workDirectory(path), to: doomed)
        }
        try FileSystem.removeTree(doomed)
    }
}
