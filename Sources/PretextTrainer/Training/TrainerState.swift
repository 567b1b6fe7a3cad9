import Foundation
import PretextCore
import _PretextFileSystem

/// `trainer_state.json` in a checkpoint: where the run stands, so that a resumed run continues
/// exactly as an uninterrupted one (the optimizer's moments are in `optimizer.safetensors`, the
/// weights in `model.safetensors`).
///
/// There is no random state to keep beyond these: initialization happens once, the model has
/// no dropout, and the loader's order and any load-time masking are functions of its seed and
/// position (`loader`).
public struct TrainerState: Codable, Sendable, Equatable {
    /// The file name in a checkpoint directory.
    public static let fileName = "trainer_state.json"

    /// Optimizer steps done.
    public var step: Int
    /// Real (non-padding) tokens trained on so far.
    public var tokensSeen: Int
    /// The training loader's state (`LoaderState.json`).
    public var loader: String
    /// The examples dataset trained on.
    public var examples: String
    /// The run's options (`StageOptions.canonicalDescription`), checked on resume.
    public var options: String

    /// Creates a state.
    public init(step: Int, tokensSeen: Int, loader: String, examples: String, options: String) {
        self.step = step
        self.tokensSeen = tokensSeen
        self.loader = loader
        self.examples = examples
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case step
        case tokensSeen = "tokens_seen"
        case loader
        case examples
        case options
    }

    /// Writes the state into `directory`, atomically.
    func write(toDirectory directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try FileSystem.writeAtomically(
            Array(try encoder.encode(self)) + [0x0A], to: FileSystem.join(directory, Self.fileName))
    }

    /// Reads the state of the checkpoint `directory`.
    /// - Throws: `.notFound` when there is none; `.corrupt` naming the file when it is not one.
    init(directory: String) throws {
        let path = FileSystem.join(directory, Self.fileName)
        let bytes = try FileSystem.readFile(path, limit: 1 << 20)
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(bytes))
        } catch {
            throw PretextError(.corrupt, "not a trainer state: \(error)", path: path)
        }
    }
}
