import PretextCore
import _PretextFileSystem

/// Follows one document through the step datasets of a run (`pretext trace`): in each step it
/// is kept (its record's text compared with the step before, the catalog columns the step set
/// or changed), dropped (the step's `drops` row: reason, detail, reject record), or absent.
///
/// Each step is looked up by the document's id: the first row (by rowid) of `documents`, else
/// the rows of `drops` naming it. Nothing is written.
public enum DocumentTracer {
    /// One dataset to look in, with the step it stands for when known.
    private struct Source {
        var index: Int?
        var stage: String?
        var dataset: Dataset
    }

    /// The step before, where the document was kept.
    private struct Previous {
        var row: TracedDocumentRow
        var dataset: Dataset
    }

    /// Traces the document `id` through the pipeline output folder at `path` (every `NN-stage`
    /// dataset in it, in order), or through the one dataset at `path`.
    ///
    /// - Throws: `PretextError(.notFound)` when no step holds or dropped a document with this
    ///   id (the message names the path and suggests `pretext query`), or `path` is neither an
    ///   output folder nor a dataset; `PretextError` for damaged catalogs or shards.
    public static func trace(id: String, at path: String) throws -> DocumentTrace {
        let sources = try sources(at: path)
        var previous: Previous?
        var steps: [DocumentTrace.Step] = []
        for source in sources {
            steps.append(try trace(id: id, in: source, previous: &previous))
        }
        guard steps.contains(where: { $0.status == .kept || $0.status == .dropped }) else {
            throw unknownID(id, path: path, sources: sources)
        }
        return DocumentTrace(path: path, id: id, steps: steps)
    }

    /// The datasets at `path`: an output folder's steps, or the dataset itself.
    private static func sources(at path: String) throws -> [Source] {
        if PipelineOutput.isOutput(path) {
            return try PipelineOutput.open(at: path).steps.map {
                Source(index: $0.index, stage: $0.stage, dataset: $0.dataset)
            }
        }
        let dataset = try Dataset.open(at: path)
        let parsed = PipelineOutput.parseStepName(FileSystem.lastComponent(of: dataset.root))
        return [Source(index: parsed?.index, stage: parsed?.stage, dataset: dataset)]
    }

    /// The document in one step; `previous` becomes its row there when kept, else `nil`.
    private static func trace(id: String, in source: Source, previous: inout Previous?) throws -> DocumentTrace.Step {
        let catalog = try source.dataset.openCatalog(readOnly: true)
        var step = DocumentTrace.Step(
            index: source.index, stage: source.stage, dataset: source.dataset.root, status: .absent, text: nil,
            record: nil, added: [], changed: [], drop: try catalog.tracedDrops(document: id).first)
        guard let row = try catalog.tracedDocument(id: id) else {
            if step.drop != nil {
                step.status = .dropped
            } else if previous != nil, try catalog.holdsExamplesOnly() {
                step.status = .untraceable
            }
            previous = nil
            return step
        }
        step.status = .kept
        step.text = try textState(row, in: source.dataset, previous: previous)
        step.record = DocumentTrace.Place(
            shard: row.shard, frame: row.location.frame, offset: row.location.offset, length: row.location.length)
        (step.added, step.changed) = signals(of: row, before: previous?.row)
        previous = Previous(row: row, dataset: source.dataset)
        return step
    }

    /// How the record's text compares with the step before: the same shard bytes at the same
    /// place (a linked shard) are unchanged without reading; otherwise both texts are read.
    private static func textState(
        _ row: TracedDocumentRow, in dataset: Dataset, previous: Previous?
    ) throws -> DocumentTrace.TextState {
        guard let previous else { return row.kind == .examples ? .record : .first }
        if row.kind == .examples, previous.row.kind != .examples { return .record }
        if row.checksum == previous.row.checksum, row.location == previous.row.location { return .unchanged }
        let before = try content(of: previous.row, in: previous.dataset)
        return try content(of: row, in: dataset) == before ? .unchanged : .changed
    }

    /// A document record's text (UTF-8), or a binary record's bytes.
    private static func content(of row: TracedDocumentRow, in dataset: Dataset) throws -> [UInt8] {
        let record = try RecordFetcher(dataset: dataset, maxOpenShards: 1).record(
            shard: row.shard, at: row.location)
        guard row.kind == .documents else { return record }
        var scanner = JSONScanner()
        var text: [UInt8] = []
        let result = record.withUnsafeBytes { bytes in
            Result { () throws(PretextError) in try DocumentRecord.appendText(of: bytes, scanner: &scanner, to: &text) }
        }
        if case .failure(let error) = result {
            throw PretextError(
                .corrupt,
                "the record at frame \(row.location.frame) offset \(row.location.offset) is not a document record "
                    + "(\(error.message)); run `pretext verify`", path: dataset.path(row.shard))
        }
        return text
    }

    /// The columns set in `row` that were NULL or missing in `before`, and those whose value
    /// differs from `before`'s; the id is left out.
    static func signals(
        of row: TracedDocumentRow, before: TracedDocumentRow?
    ) -> (added: [DocumentTrace.Signal], changed: [DocumentTrace.Signal]) {
        var added: [DocumentTrace.Signal] = []
        var changed: [DocumentTrace.Signal] = []
        for (name, value) in zip(row.columns, row.values) where name != "id" && !value.isNull {
            let old = before?.value(of: name) ?? .null
            if old.isNull {
                added.append(.init(name: name, value: .init(value), before: nil))
            } else if old != value {
                changed.append(.init(name: name, value: .init(value), before: .init(old)))
            }
        }
        return (added, changed)
    }

    /// The error for an id no step knows.
    private static func unknownID(_ id: String, path: String, sources: [Source]) -> PretextError {
        let first = sources.first.map { FileSystem.lastComponent(of: $0.dataset.root) } ?? "STEP"
        let example =
            sources.count > 1 ? FileSystem.join(path, first) : path
        let searched =
            sources.count > 1
            ? "in any of its \(sources.count) steps (\(first) … \(FileSystem.lastComponent(of: sources.last!.dataset.root)))"
            : "in this dataset"
        return PretextError(
            .notFound,
            "no document or drop with id '\(id)' \(searched); find ids with "
                + "`pretext query \(example) \"SELECT id FROM documents LIMIT 10\"` (or \"SELECT document, reason FROM drops\")",
            path: path)
    }
}

extension DocumentTrace.Value {
    /// The trace's form of a catalog value.
    init(_ value: SQLValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .real(let number): self = .real(number)
        case .text(let text): self = .text(text)
        case .blob(let bytes): self = .blob(bytes: bytes.count)
        }
    }
}
