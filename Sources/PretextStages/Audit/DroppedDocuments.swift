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

    /// `path` and its earlier sibling step datasets (`NN-STAGE` with a catalog), in step order.
    static func stepDatasets(around path: String) throws -> [(name: String, path: String)] {
        let standardized = (path as NSString).standardizingPath
        let name = (standardized as NSString).lastPathComponent
        guard let own = stepNumber(name) else { return [(name, standardized)] }
        let parent = (standardized as NSString).deletingLastPathComponent
        let siblings = (try? FileSystem.listDirectory(parent)) ?? []
        return siblings.compactMap { sibling -> (String, String)? in
            guard let number = stepNumber(sibling), number <= own else { return nil }
            let candidate = (parent as NSString).appendingPathComponent(sibling)
            guard FileSystem.exists(FileSystem.join(candidate, Dataset.catalogName)) else { return nil }
            return (sibling, candidate)
        }
    }

    private static func stepNumber(_ name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 2, name.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }

    /// Streams the documents the step dataset at `path` dropped (not ingest's malformed
    /// records): those whose position among the drops is `part` modulo `parts`, so that
    /// several threads can share a step without holding its texts.
    static func forEach(
        in path: String, step: String, part: Int = 0, of parts: Int = 1, _ body: (Item) throws -> Void
    ) throws {
        let dataset = try Dataset.open(at: path)
        let catalog = try dataset.openCatalog(readOnly: true)
        let fetcher = RecordFetcher(dataset: dataset)
        var scanner = JSONScanner()
        var position = 0
        try catalog.forEachRejectedRecord(excludingStage: IngestStage.descriptor.name) { shard, location in
            defer { position += 1 }
            guard position % parts == part else { return }
            let bytes = try fetcher.record(shard: shard, at: location)
            guard let document = Self.document(inReject: bytes, scanner: &scanner) else { return }
            try body(Item(step: step, text: document.text, language: nil, source: document.source))
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
