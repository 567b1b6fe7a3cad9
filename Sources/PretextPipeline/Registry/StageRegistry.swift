import PretextCore
import PretextStages

/// Maps stage names to their declarations and factories.
///
/// The only place where stages are type-erased: pipeline files and the CLI name stages by
/// text, and the registry turns a name plus checked options into a stage value. An unknown
/// name is an error that lists the known ones.
public struct StageRegistry: Sendable {
    /// A stage the registry can build.
    public struct Entry: Sendable {
        /// The stage's declaration.
        public let descriptor: StageDescriptor
        /// Builds the stage from checked options.
        public let make: @Sendable (StageOptions) throws -> any Stage

        /// Creates an entry.
        public init(descriptor: StageDescriptor, make: @escaping @Sendable (StageOptions) throws -> any Stage) {
            self.descriptor = descriptor
            self.make = make
        }

        /// Creates the entry of a stage type.
        public init<S: Stage>(_ type: S.Type) {
            self.init(descriptor: S.descriptor, make: { try S(options: $0) })
        }
    }

    private var entries: [String: Entry] = [:]

    /// Creates a registry of `entries`.
    public init(_ entries: [Entry]) {
        for entry in entries { self.entries[entry.descriptor.name] = entry }
    }

    /// The stages Pretext ships.
    public static let standard = StageRegistry([
        Entry(IngestStage.self), Entry(NormalizeStage.self), Entry(LanguageStage.self), Entry(SegmentStage.self),
        Entry(QualityStage.self), Entry(PIIStage.self), Entry(DedupeStage.self), Entry(AuditStage.self),
        Entry(TokenizerStage.self), Entry(TokenizeStage.self), Entry(MaskedLMStage.self),
        Entry(ContrastivePairsStage.self), Entry(CausalLMStage.self), Entry(T5SpanStage.self),
    ])

    /// This registry with `entry` added (replacing a stage of the same name): how a program
    /// or a test adds its own stages to `standard`.
    public func adding(_ entry: Entry) -> StageRegistry {
        var copy = self
        copy.entries[entry.descriptor.name] = entry
        return copy
    }

    /// Every registered stage, sorted by name.
    public var descriptors: [StageDescriptor] {
        entries.values.map(\.descriptor).sorted { $0.name < $1.name }
    }

    /// The declaration of the stage called `name`.
    ///
    /// - Throws: `PretextError(.notFound)` listing the known stage names.
    public func descriptor(named name: String, path: String? = nil, line: Int? = nil) throws -> StageDescriptor {
        try entry(named: name, path: path, line: line).descriptor
    }

    /// Builds the stage called `name` with `options`.
    ///
    /// - Throws: `PretextError(.notFound)` for an unknown name; the stage's own errors.
    public func make(_ name: String, options: StageOptions) throws -> any Stage {
        try entry(named: name).make(options)
    }

    private func entry(named name: String, path: String? = nil, line: Int? = nil) throws -> Entry {
        guard let entry = entries[name] else {
            let known = entries.keys.sorted().joined(separator: ", ")
            throw PretextError(.notFound, "unknown stage '\(name)'; known stages: \(known)", path: path, line: line)
        }
        return entry
    }
}
