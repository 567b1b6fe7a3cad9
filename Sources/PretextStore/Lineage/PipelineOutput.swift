import PretextCore
import _PretextFileSystem

/// A pipeline's output folder: the datasets its steps wrote, `NN-stage` (`01-ingest`,
/// `02-normalize`, …), in step order. Other entries (`train/`, `slurm/`, `.locks/`) are not
/// steps.
public struct PipelineOutput: Sendable, Equatable {
    /// One step's dataset.
    public struct Step: Sendable, Equatable {
        /// The step number (`NN`).
        public var index: Int
        /// The stage that wrote it.
        public var stage: String
        /// The folder's name (`05-dedupe`).
        public var name: String
        /// The dataset.
        public var dataset: Dataset
    }

    /// The output folder.
    public let root: String
    /// The step datasets, by step number.
    public let steps: [Step]

    /// Whether `path` is a pipeline's output folder: a directory that is not itself a dataset
    /// and holds at least one `NN-stage` folder with a catalog.
    public static func isOutput(_ path: String) -> Bool {
        FileSystem.isDirectory(path) && !FileSystem.exists(FileSystem.join(path, Dataset.catalogName))
            && !((try? stepFolders(in: path)) ?? []).isEmpty
    }

    /// Opens the output folder at `root` and its step datasets (read-only).
    ///
    /// - Throws: `.notFound` when `root` is not a directory or holds no step dataset;
    ///   `Dataset.open`'s errors for a damaged step.
    public static func open(at root: String) throws -> PipelineOutput {
        guard FileSystem.isDirectory(root) else {
            throw PretextError(.notFound, "no pipeline output here: the directory does not exist", path: root)
        }
        let folders = try stepFolders(in: root)
        guard !folders.isEmpty else {
            throw PretextError(
                .notFound,
                "not a pipeline's output folder: it holds no step dataset (NN-stage folders with a catalog.sqlite)",
                path: root)
        }
        let steps = try folders.map { folder in
            Step(
                index: folder.index, stage: folder.stage, name: folder.name,
                dataset: try Dataset.open(at: FileSystem.join(root, folder.name)))
        }
        return PipelineOutput(root: root, steps: steps)
    }

    /// The step number and stage a folder name stands for (`05-dedupe` → 5, `dedupe`), or
    /// `nil` for another name.
    public static func parseStepName(_ name: String) -> (index: Int, stage: String)? {
        guard let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy({ $0.isASCII && $0.isNumber }),
            let index = Int(name[..<dash])
        else { return nil }
        let stage = String(name[name.index(after: dash)...])
        return stage.isEmpty ? nil : (index, stage)
    }

    /// The `NN-stage` folders of `root` holding a catalog, by step number.
    private static func stepFolders(in root: String) throws -> [(name: String, index: Int, stage: String)] {
        try FileSystem.listDirectory(root).compactMap { name -> (name: String, index: Int, stage: String)? in
            guard let parsed = parseStepName(name),
                FileSystem.exists(FileSystem.join(FileSystem.join(root, name), Dataset.catalogName))
            else { return nil }
            return (name, parsed.index, parsed.stage)
        }.sorted { ($0.index, $0.name) < ($1.index, $1.name) }
    }
}
