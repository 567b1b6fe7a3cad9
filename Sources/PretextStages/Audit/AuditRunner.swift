import Dispatch
import Foundation
import PretextAudit
import PretextCore
import PretextStore
import Synchronization
import _PretextFileSystem

/// Audits a dataset in place (`pretext audit DATASET`): scans its documents and the documents
/// earlier steps dropped, in parallel, merges the partial counts and builds the report.
///
/// The documents dropped by earlier steps come from the sibling step datasets of a pipeline's
/// output (`OUTPUT/NN-STAGE`, every step up to this one), read from their `rejects/` (the
/// store keeps dropped documents whole); ingest's rejects (malformed input) are not filter
/// decisions and are skipped.
public struct AuditRunner: Sendable {
    /// The compiled lexicons.
    public let terms: AuditTerms
    /// The PMI definition of the report.
    public let variant: Association.Variant
    /// Associated words listed per group.
    public let top: Int

    /// Creates a runner.
    public init(
        terms: AuditTerms, variant: Association.Variant = AuditStage.variant.defaultValue,
        top: Int = AuditStage.top.defaultValue
    ) {
        self.terms = terms
        self.variant = variant
        self.top = top
    }

    /// Audits the dataset at `path` with `workers` threads.
    ///
    /// - Throws: `PretextError` for a missing or damaged dataset.
    public func run(dataset path: String, workers: Int = 1, history: Bool = true) throws -> AuditReport {
        // Pieces of shards, largest first, each taken by the next free thread: they end together.
        let count = max(1, workers)
        let pieces = try ShardPiece.pieces(of: ShardUnit.plan(.dataset(path: path), stage: "audit"), threads: count)
        let next = Atomic(0)
        let steps = history ? try DroppedDocuments.stepDatasets(around: path) : []
        let total = Mutex(AuditPartial())
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            do {
                let scanner = try AuditScanner(terms: terms)
                var tally = AuditTally(keys: terms.keys)
                var observation = DocumentObservation(language: "", source: "", bytes: 0)
                while case let index = next.add(1, ordering: .relaxed).oldValue, index < pieces.count {
                    try scan(pieces[index], scanner: scanner, observation: &observation, into: &tally)
                }
                for step in steps {
                    try DroppedDocuments.forEach(
                        in: step.path, step: step.name, input: step.input, part: worker, of: count
                    ) { item in
                        scanner.observe(
                            text: item.text, language: item.language, source: item.source, into: &observation)
                        tally.addDropped(observation, step: item.step)
                    }
                }
                let partial = tally.partial()
                total.withLock { $0.merge(partial) }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let merged = total.withLock { $0 }
        return AuditReport(
            counts: merged.counts, drops: merged.drops, vocabulary: terms.vocabulary, variant: variant, top: top)
    }

    private func scan(
        _ piece: ShardPiece, scanner: AuditScanner, observation: inout DocumentObservation,
        into tally: inout AuditTally
    ) throws {
        var json = JSONScanner()
        var text: [UInt8] = []
        let path = piece.unit.dataset.path(piece.unit.path)
        let columns: (String) -> Bool = { $0 == "lang" || $0 == "source" || $0.hasPrefix("pii_") }
        try ShardDocuments(unit: piece.unit).forEachRecord(frames: piece.frames, columns: columns) { record, row, _ in
            text.removeAll(keepingCapacity: true)
            do {
                try DocumentRecord.appendText(of: record, scanner: &json, to: &text)
            } catch let error as PretextError {
                throw PretextError(.corrupt, "a document record cannot be read: \(error.message)", path: path)
            }
            text.withUnsafeBytes {
                scanner.observe(
                    utf8: $0, language: row.lang, source: row.source ?? "", pii: Self.pii(row), into: &observation)
            }
            tally.add(observation)
        }
    }

    /// The pii stage's counts (`pii_email`, …) of a row, by type.
    static func pii(_ row: DocumentRow) -> [(type: String, count: Int)] {
        var counts: [(type: String, count: Int)] = []
        for signal in row.signals where signal.name.hasPrefix("pii_") {
            if case .integer(let count) = signal.value, count > 0 {
                counts.append((String(signal.name.dropFirst(4)), Int(count)))
            }
        }
        return counts
    }

    /// Writes `report` as `reports/audit.json` and `reports/audit.html` of the dataset at `path`.
    ///
    /// - Returns: the two files' paths.
    public static func write(_ report: AuditReport, toDatasetAt path: String) throws -> (json: String, html: String) {
        let directory = FileSystem.join(path, "reports")
        let json = FileSystem.join(directory, "audit.json")
        let html = FileSystem.join(directory, "audit.html")
        do {
            try FileSystem.createDirectory(directory)
            try FileSystem.writeAtomically(Array(try report.json()), to: json)
            try FileSystem.writeAtomically(Array(AuditHTML.render(report).utf8), to: html)
        } catch {
            throw PretextError(.io, "cannot write the audit report: \(error)", path: directory)
        }
        return (json, html)
    }
}
