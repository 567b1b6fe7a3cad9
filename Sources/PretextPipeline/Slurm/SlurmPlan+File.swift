import Foundation
import PretextCore
import _PretextFileSystem

extension SlurmPlan {
    /// Reads the plan at `path`; `nil` when there is none.
    ///
    /// - Throws: `PretextError(.corrupt)` naming the file when it is not a plan.
    public static func read(from path: String) throws -> SlurmPlan? {
        guard FileSystem.exists(path) else { return nil }
        let bytes = try FileSystem.readFile(path, limit: 1 << 30)
        do {
            return try JSONDecoder().decode(SlurmPlan.self, from: Data(bytes))
        } catch {
            throw PretextError(
                .corrupt, "not a plan written by pretext slurm (\(error)); delete it and run pretext slurm again",
                path: path)
        }
    }

    /// Writes the plan to `path` (atomically), as indented JSON.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw PretextError(.io, "cannot encode the Slurm plan (\(error))", path: path)
        }
        try FileSystem.writeAtomically(Array(data) + [UInt8(ascii: "\n")], to: path)
    }
}
