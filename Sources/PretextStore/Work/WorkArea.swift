import PretextCore
import _PretextFileSystem

/// The scratch directory of a multi-phase step: one directory per phase, holding the files
/// each task wrote and one manifest per finished task.
///
/// Lives at `STEP-DATASET/work/CONFIG-HASH-wWORLD-SIZE/`, so a step rerun with another
/// configuration or world size never mixes its files with an earlier one's. A phase is complete when every rank of the world
/// size has a manifest; the next phase reads only files listed in manifests and checks each
/// against its entry.
public struct WorkArea: Sendable {
    /// The root directory (`…/work/HASH-wN`).
    public let root: String

    /// A work area at `root` (created on first write).
    public init(root: String) { self.root = root }

    /// The directory of `phase`.
    public func directory(of phase: String) -> String { FileSystem.join(root, phase) }

    /// Creates the directory of `phase`.
    public func createDirectory(of phase: String) throws {
        try FileSystem.createDirectory(directory(of: phase))
    }

    private func manifestPath(phase: String, rank: Int) -> String {
        FileSystem.join(directory(of: phase), "manifest-r" + PartNaming.pad(rank, 5) + ".txt")
    }

    /// Writes the manifest of one finished task (atomically: temporary file, fsync, rename).
    public func writeManifest(_ manifest: PhaseManifest) throws {
        try FileSystem.writeAtomically(
            Array(manifest.text.utf8), to: manifestPath(phase: manifest.phase, rank: manifest.rank))
    }

    /// The manifest of `rank` for `phase`, or `nil` when that task has not finished.
    ///
    /// - Throws: `PretextError(.corrupt)` for a damaged manifest.
    public func manifest(phase: String, rank: Int) throws -> PhaseManifest? {
        let path = manifestPath(phase: phase, rank: rank)
        guard FileSystem.exists(path) else { return nil }
        let bytes = try FileSystem.readFile(path)
        let manifest = try PhaseManifest(parsing: String(decoding: bytes, as: UTF8.self), path: path)
        guard manifest.phase == phase, manifest.rank == rank else {
            throw PretextError(.corrupt, "manifest names phase \(manifest.phase) rank \(manifest.rank)", path: path)
        }
        return manifest
    }

    /// The ranks of `0..<worldSize` without a manifest for `phase`.
    public func missingRanks(phase: String, worldSize: Int) throws -> [Int] {
        try (0..<worldSize).filter { try manifest(phase: phase, rank: $0) == nil }
    }

    /// Every file `phase` wrote, over all ranks (rank order, then write order).
    ///
    /// - Throws: `PretextError(.corrupt)` when a rank has not finished the phase or its
    ///   manifest was written for another world size.
    public func files(phase: String, worldSize: Int) throws -> [WorkFileInfo] {
        var files: [WorkFileInfo] = []
        for rank in 0..<worldSize {
            guard let manifest = try manifest(phase: phase, rank: rank) else {
                throw PretextError(
                    .corrupt,
                    "phase '\(phase)' is incomplete: rank \(rank) of \(worldSize) has not finished it",
                    path: directory(of: phase))
            }
            guard manifest.worldSize == worldSize else {
                throw PretextError(
                    .corrupt,
                    "phase '\(phase)' rank \(rank) ran with world size \(manifest.worldSize), not \(worldSize); "
                        + "rerun the step with --overwrite",
                    path: manifestPath(phase: phase, rank: rank))
            }
            files += manifest.files
        }
        return files
    }
}
