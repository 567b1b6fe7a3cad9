import PretextCore
import PretextStore
import _PretextFileSystem

/// The trainer's linear probe: found from the options and the examples, run before the first
/// step and after the last.
extension Trainer {
    /// The probe a run makes, or why it makes none.
    enum ProbeSetup {
        case probe(LinearProbe)
        case skipped(String)
        case off
    }

    /// The probe of `configuration` for the examples at `examples`.
    /// - Throws: `.invalidConfiguration` and the store's errors when `probe_documents` names a
    ///   dataset that cannot be read; a probe found from the examples that cannot run is
    ///   skipped with the reason instead.
    static func probeSetup(
        examples: String, configuration: TrainingConfiguration, framing: ProbeFraming?
    ) throws -> ProbeSetup {
        let column = configuration.probeColumn
        guard !column.isEmpty, column != "none" else { return .off }
        let framing = try framing ?? defaultFraming(examples: examples)
        var path = configuration.probeDocuments
        if path.isEmpty {
            let catalog = try Dataset.open(at: examples).openCatalog(readOnly: true)
            guard let relative = try catalog.meta(ExampleMetaKeys.documents) else {
                return .skipped("the examples do not say which documents they were made from; set probe_documents")
            }
            path = FileSystem.join(examples, relative)
            guard FileSystem.isDirectory(path) else {
                return .skipped("the examples' documents (\(path)) are not there; set probe_documents")
            }
        }
        do {
            let documents = try ProbeDocuments(
                at: path, column: column, framing: framing, maxDocuments: configuration.probeMaxDocuments,
                seed: configuration.seed)
            guard documents.classes.count >= 2 else {
                return .skipped(
                    "the documents have \(documents.classes.count) distinct value(s) in column '\(column)' and a "
                        + "probe needs two or more (the language step fills lang; probe_column chooses another column)")
            }
            return .probe(LinearProbe(documents: documents, framing: framing, seed: configuration.seed))
        } catch let error as PretextError where configuration.probeDocuments.isEmpty {
            return .skipped(error.description)
        }
    }

    /// Raw tokens, no specials, as long as the examples' `input_ids` (else their first sequence).
    static func defaultFraming(examples: String) throws -> ProbeFraming {
        let schema = try Dataset.open(at: examples).openCatalog(readOnly: true).recordSchema()
        let fields = schema?.fields ?? []
        let sequence = fields.first { $0.name == "input_ids" } ?? fields.first { ($0.count ?? 1) > 1 }
        return ProbeFraming(maxLength: sequence?.count ?? 128)
    }

    /// Runs the probe (if any) on the model, logs the result and returns it.
    func runProbe() throws -> ProbeResult? {
        guard case .probe(let probe) = probeSetup else { return nil }
        let result = try probe.run(model)
        try log.write([
            ("step", .integer(step)), ("split", .text("probe")), ("column", .text(result.column)),
            ("accuracy", .number(result.scores.accuracy)), ("macro_f1", .number(result.scores.macroF1)),
            ("majority_accuracy", .number(result.majorityAccuracy)), ("classes", .integer(result.classes)),
            ("fitted", .integer(result.fitted)), ("held_out", .integer(result.scores.count)),
        ])
        return result
    }

    /// Why the run makes no probe, when it was asked for one.
    public var probeSkipReason: String? {
        if case .skipped(let reason) = probeSetup { return reason }
        return nil
    }
}
