import PretextCore
import PretextStore

/// What a stage is, for the registry, pipeline files and `pretext stages`.
public struct StageDescriptor: Sendable {
    /// What a stage reads.
    public enum InputKind: String, Sendable {
        /// Raw input files (JSONL, text, WARC/WET): the ingest stage.
        case files
        /// A Pretext dataset written by an earlier stage.
        case dataset
    }

    /// The stage name used in pipeline files and on the command line.
    public let name: String
    /// One line saying what the stage does.
    public let summary: String
    /// The options the stage accepts.
    public let options: [OptionSpec]
    /// What the stage reads.
    public let input: InputKind
    /// What the stage writes: document shards, or binary records (`examples`).
    public let output: ShardKind

    /// Declares a stage.
    ///
    /// - Parameters:
    ///   - options: the stage's option keys (or plain specs), in the order `pretext stages`
    ///     lists them.
    ///   - output: the kind of shards the stage writes (`RecordStage`s write `.examples`).
    public init(
        name: String, summary: String, options: [any OptionDeclaration], input: InputKind,
        output: ShardKind = .documents
    ) {
        self.name = name
        self.summary = summary
        self.options = options.map(\.spec)
        self.input = input
        self.output = output
    }
}
