import PretextCore
import PretextStore
import _PretextFileSystem

/// Housekeeping of a step's output directory.
enum StepDirectory {
    /// Removes the dataset at `path` when its catalog holds `step` written with a configuration
    /// other than `hash` or another world size (`--overwrite`); leaves it alone otherwise, so
    /// finished tasks are kept.
    static func removeIfForeign(_ path: String, step: Int, stage: String, hash: String, worldSize: Int) throws {
        guard let dataset = try? Dataset.open(at: path) else { return }
        let status = try StepStatus(dataset: dataset, step: step, stage: stage, configHash: hash, worldSize: worldSize)
        guard status.isForeign else { return }
        try removeTree(path)
    }

    /// Deletes a directory tree (`rm -rf`), refusing paths that are not datasets.
    static func removeTree(_ path: String) throws {
        guard FileSystem.exists(FileSystem.join(path, Dataset.catalogName)) else {
            throw PretextError(
                .invalidConfiguration, "refusing to delete a directory that is not a dataset", path: path)
        }
        try FileSystem.removeTree(path)
    }
}
