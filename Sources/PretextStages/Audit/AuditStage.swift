import Foundation
import PretextAudit
import PretextCore
import PretextStore
import _PretextFileSystem

/// The bias and content audit as a pipeline step: passes every document on unchanged with
/// its mention counts (`audit_mentions`, `audit_groups`, `audit_offensive`), reads the
/// documents earlier steps dropped, and writes `reports/audit.json` and `reports/audit.html`
/// into its dataset. `docs/stages/audit.md`.
public struct AuditStage: DocumentStage, PhasedStage, StageFinishing {
    public static let descriptor = StageDescriptor(
        name: "audit",
        summary: "count identity terms, pronouns, associations, content and filter disparity; write reports",
        options: [lexicons, languages, variant, top, history],
        input: .dataset)

    /// `lexicons`: the lexicon directory; empty means the lexicons shipped with `pretext`.
    public static let lexicons = OptionKey<String>(
        "lexicons", default: "",
        "lexicon directory, one subdirectory per language (empty: the lexicons shipped with pretext)")
    /// `languages`: the lexicon languages loaded.
    public static let languages = OptionKey<[String]>(
        "languages", default: [], "languages to load (empty: every one in the directory)")
    /// `variant`: the PMI definition.
    public static let variant = OptionKey<Association.Variant>(
        "variant", default: .textbook, "PMI definition: textbook or dmt (data-measurements-tool)")
    /// `top`: associated words listed per group.
    public static let top = OptionKey<Int>("top", min: 1, max: 1000, default: 10, "associated words listed per group")
    /// `history`: read earlier steps' drops.
    public static let history = OptionKey<Bool>(
        "history", default: true, "read the documents earlier steps dropped (filter disparity)")

    static let historyPhase = "history"
    static let countsPhase = "counts"

    private let terms: AuditTerms
    private let variant: Association.Variant
    private let top: Int
    private let history: Bool

    /// Loads the lexicons.
    ///
    /// - Throws: `PretextError` naming the lexicon file and line for a bad lexicon.
    public init(options: StageOptions) throws {
        let languages = options[Self.languages]
        let set = try LexiconSet.load(
            directory: try Self.lexiconDirectory(options[Self.lexicons]), languages: languages.isEmpty ? nil : languages
        )
        terms = try AuditTerms(lexicons: set)
        variant = options[Self.variant]
        top = options[Self.top]
        history = options[Self.history]
    }

    /// The lexicon folder an option or flag names: `given` (relative to the current
    /// directory), or, when it is empty, the `lexicons/` shipped with `pretext` (installed
    /// beside it, or the repository's when it runs from its build folder).
    ///
    /// - Throws: `PretextError(.notFound)` when no lexicons were shipped, saying where it looked.
    public static func lexiconDirectory(_ given: String) throws -> String {
        given.isEmpty
            ? try ShippedData.directory("lexicons", override: "--lexicons DIR, or the audit step's lexicons option")
            : given
    }

    /// The history phase (when enabled): the drops of earlier steps.
    public func phases(units: [ShardUnit]) throws -> [any StagePhase] {
        guard history, let input = units.first?.dataset else { return [] }
        return [AuditHistoryPhase(terms: terms, input: input.root)]
    }

    /// `history` when the history is read; no phase otherwise.
    public func phaseNames() -> [String] { history ? [Self.historyPhase] : [] }

    /// Documents pass unchanged: the input shards are linked, only catalog rows are written.
    public var keepsDocumentsUnchanged: Bool { true }

    /// A worker with its own scanner and counts.
    public func makeWorker() throws -> AuditWorker {
        AuditWorker(scanner: try AuditScanner(terms: terms), keys: terms.keys)
    }

    /// Keeps the task's partial counts in the work area, merged by `finishStep`.
    public func finishTask(_ worker: AuditWorker, in task: StageTask) throws {
        let bytes = Array(try JSONEncoder().encode(worker.tally.partial()))
        try task.writeResult(bytes, phase: Self.countsPhase, name: "counts-r\(task.rank).json")
    }

    /// Merges every rank's partial counts and writes the reports.
    public func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String] {
        guard let work else { return [] }
        var total = AuditPartial()
        // No history phase ran when the input has no shards (an earlier step dropped everything).
        let historyRan = history && FileSystem.exists(work.directory(of: Self.historyPhase))
        let phases = (historyRan ? [Self.historyPhase] : []) + [Self.countsPhase]
        for phase in phases {
            for file in try work.files(phase: phase, worldSize: worldSize) {
                let bytes = try work.readBlob(file, phase: phase)
                total.merge(try JSONDecoder().decode(AuditPartial.self, from: Data(bytes)))
            }
        }
        let report = AuditReport(
            counts: total.counts, drops: total.drops, vocabulary: terms.vocabulary, variant: variant, top: top)
        let files = try AuditRunner.write(report, toDatasetAt: dataset.root)
        return AuditSummary.text(report).split(separator: "\n").map(String.init)
            + ["report: \(files.json)", "open in a browser: \(files.html)"]
    }
}

/// Scans one task's documents and counts them; every document is kept.
public struct AuditWorker: DocumentWorker {
    let scanner: AuditScanner
    var tally: AuditTally
    private var observation = DocumentObservation(language: "", source: "", bytes: 0)

    init(scanner: AuditScanner, keys: AuditKeys) {
        self.scanner = scanner
        tally = AuditTally(keys: keys)
    }

    /// Counts the document's mentions and adds them to the row.
    public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
        scanner.observe(
            text: document.text, language: row.lang, source: row.source ?? "", pii: AuditRunner.pii(row),
            into: &observation)
        tally.add(observation)
        let groups = observation.distinctGroups.map { tally.keys.groups[Int($0)] }.sorted()
        row.setSignal("audit_mentions", .integer(Int64(observation.groups.count)))
        row.setSignal("audit_groups", .text(groups.joined(separator: ",")))
        row.setSignal("audit_offensive", .integer(Int64(observation.offensive.count)))
        return .keep
    }
}

/// The documents earlier steps dropped, counted by group: each step dataset's drops cut into
/// as many equal stretches as there are tasks (a unit each, weighed by its documents), so the
/// tasks share a step that dropped much evenly.
struct AuditHistoryPhase: StagePhase {
    static let name = AuditStage.historyPhase
    let terms: AuditTerms
    let input: String

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        var units: [PhaseUnit] = []
        for (index, step) in try DroppedDocuments.stepDatasets(around: input).enumerated() {
            let count = try DroppedDocuments.count(in: step.path)
            for part in 0..<worldSize {
                let documents = DroppedDocuments.stretch(part, of: worldSize, count: count).count
                units.append(
                    PhaseUnit(
                        key: "\(step.name)/\(part)", bytes: Int64(max(1, documents)), index: index * worldSize + part))
            }
        }
        return units
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let steps = try DroppedDocuments.stepDatasets(around: input)
        let scanner = try AuditScanner(terms: terms)
        var tally = AuditTally(keys: terms.keys)
        var observation = DocumentObservation(language: "", source: "", bytes: 0)
        for unit in units {
            let step = steps[unit.index / task.worldSize]
            try DroppedDocuments.forEach(
                in: step.path, step: step.name, input: step.input, part: unit.index % task.worldSize,
                of: task.worldSize
            ) { item in
                scanner.observe(text: item.text, language: item.language, source: item.source, into: &observation)
                tally.addDropped(observation, step: item.step)
            }
        }
        let bytes = Array(try JSONEncoder().encode(tally.partial()))
        task.register(
            try task.work.writeBlob(bytes, phase: task.phase, name: "history-r\(task.rank).json", rank: task.rank))
    }
}
