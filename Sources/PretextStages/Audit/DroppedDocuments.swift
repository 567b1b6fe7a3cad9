import Foundation
import PretextCore
import PretextStore
import _PretextFileSystem

/// The documents that earlier steps of a pipeline dropped, read back from their rejects.
enum DroppedDocuments {
    /// A dropped document's text, where it was dropped, and its language and source.
    struct Item: Sendable {
        var step: String
        var text: String
        var language: String?
        var source: String
    }

    /// A step dataset whose drops the audit reads, and the dataset it read (the previous
    /// step's, `nil` for the first step or a dataset outside a pipeline's output).
    struct Step: Sendable {
        var name: String
        var path: String
        var input: String?
    }

    /// `path` and its earlier sibling step datasets, each with its input: `steps(around:)`.
    static func stepDatasets(around path: String) throws -> [Step] {
        let found = try steps(around: path)
        return found.enumerated().map { index, step in
            Step(name: step.name, path: step.path, input: index > 0 ? found[index - 1].path : nil)
        }
    }

    /// `path` and its earlier sibling step datasets (`NN-STAGE` with a catalog), in step order.
    private static func steps(around path: String) throws -> [(name: String, path: String)] {
        let standardized = (path as NSString).standardizingPath
        let name = (standardized as NSString).lastPathComponent
        guard let own = stepNumber(name) else { return [(name, standardized)] }
        let parent = (standardized as NSString).deletingLastPathComponent
        let siblings = (try? FileSystem.listDirectory(parent)) ?? []
        let found = siblings.compactMap { sibling -> (number: Int, name: String, path: String)? in
            guard let number = stepNumber(sibling), number <= own else { return nil }
            let candidate = (parent as NSString).appendingPathComponent(sibling)
            guard FileSystem.exists(FileSystem.join(candidate, Dataset.catalogName)) else { return nil }
            return (number, sibling, candidate)
        }
        return found.sorted { ($0.number, $0.name) < ($1.number, $1.name) }.map { ($0.name, $0.path) }
    }

    private static func stepNumber(_ name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 2, name.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }

    /// The number of documents the step dataset at `path` dropped (not ingest's malformed
    /// records): what `forEach` streams with `parts` 1.
    static func count(in path: String) throws -> Int {
        try Dataset.open(at: path).openCatalog(readOnly: true)
            .rejectedDocumentCount(excludingStage: IngestStage.descriptor.name)
    }

    /// Part `part` of `parts` equal stretches of `count` positions.
    static func stretch(_ part: Int, of parts: Int, count: Int) -> Range<Int> {
        (count * part / parts)..<(count * (part + 1) / parts)
    }

    /// Streams the documents the step dataset at `path` dropped (not ingest's malformed
    /// records), in the order of its drops: only stretch `part` of `parts` equal stretches, so
    /// that several threads or tasks share a step, each reading its own run of reject frames,
    /// without holding its texts.
    ///
    /// A document's language is the one its step's input (`input`, the previous step's
    /// dataset) recorded, or the one the language stage detected when that stage dropped it;
    /// `nil` otherwise (the audit then chooses its lexicon by script).
    static func forEach(
        in path: String, step: String, input: String?, part: Int = 0, of parts: Int = 1, _ body: (Item) throws -> Void
    ) throws {
        let dataset = try Dataset.open(at: path)
        let catalog = try dataset.openCatalog(readOnly: true)
        let excluded = IngestStage.descriptor.name
        let range =
            parts > 1
            ? stretch(part, of: parts, count: try catalog.rejectedDocumentCount(excludingStage: excluded)) : nil
        let inputCatalog = try input.map { try Dataset.open(at: $0).openCatalog(readOnly: true) }
        let fetcher = RecordFetcher(dataset: dataset)
        var scanner = JSONScanner()
        try catalog.forEachRejectedDocument(excludingStage: excluded, range: range) { drop in
            let bytes = try fetcher.record(shard: drop.shard, at: drop.location)
            guard let document = Self.document(inReject: bytes, scanner: &scanner) else { return }
            let language =
                try drop.document.flatMap { try inputCatalog?.documentLanguage(id: $0) }
                ?? LanguageStage.detectedLanguage(reason: drop.reason, detail: drop.detail)
            try body(Item(step: step, text: document.text, language: language, source: document.source))
        }
    }

    private static let rawKey = Array("raw".utf8)

    /// The document a reject record (`{"reason":…,"raw":"<document record>",…}`) holds, if
    /// its `raw` field is a document record.
    private static func document(inReject record: [UInt8], scanner: inout JSONScanner) -> Document? {
        record.withUnsafeBytes { bytes -> Document? in
            guard (try? scanner.scanObject(bytes)) != nil, let index = scanner.lastIndex(ofKey: rawKey),
                scanner.members[index].kind == .string,
                let raw = try? JSONStringDecoder.decode(
                    token: UnsafeRawBufferPointer(rebasing: bytes[scanner.members[index].value]))
            else { return nil }
            return try? DocumentRecord.decode(raw)
        }
    }
}
