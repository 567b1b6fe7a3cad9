import Foundation
import PretextCore
import PretextStore

/// The documents that earlier steps of a pipeline dropped, read back from their rejects.
enum DroppedDocuments {
    /// A dropped document's text, where it was dropped, and its language and source.
    struct Item: Sendable {
        var step: String
        var text: String
        var language: String?
        var source: String
    }

    /// Every document dropped (not ingest's malformed records) by the step datasets next to
    /// the dataset at `path` whose step number is at most its own, and by the dataset itself.
    static func list(forDatasetAt path: String) throws -> [Item] {
        var items: [Item] = []
        for step in try stepDatasets(around: path) {
            items += try dropped(in: step.path, step: step.name)
        }
        return items
    }

    /// `path` and its earlier sibling step datasets (`NN-STAGE` with a catalog), in step order.
    static func stepDatasets(around path: String) throws -> [(name: String, path: String)] {
        let standardized = (path as NSString).standardizingPath
        let name = (standardized as NSString).lastPathComponent
        guard let own = stepNumber(name) else { return [(name, standardized)] }
        let parent = (standardized as NSString).deletingLastPathComponent
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return siblings.compactMap { sibling -> (String, String)? in
            guard let number = stepNumber(sibling), number <= own else { return nil }
            let candidate = (parent as NSString).appendingPathComponent(sibling)
            guard FileManager.default.fileExists(atPath: candidate + "/" + Dataset.catalogName) else { return nil }
            return (sibling, candidate)
        }.sorted { $0.0 < $1.0 }
    }

    private static func stepNumber(_ name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 2, name.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }

    static func dropped(in path: String, step: String) throws -> [Item] {
        let dataset = try Dataset.open(at: path)
        let catalog = try dataset.openCatalog(readOnly: true)
        let rows = try catalog.query(
            """
            SELECT s.path, d.reject_frame, d.reject_offset, d.reject_length
            FROM drops d JOIN shards s ON s.id = d.reject_shard_id
            WHERE d.stage <> 'ingest' ORDER BY d.rowid
            """)
        let fetcher = RecordFetcher(dataset: dataset)
        var items: [Item] = []
        for row in rows.rows {
            let bytes = try fetcher.record(
                shard: row[0].description, frame: row[1].int ?? 0, offset: row[2].int ?? 0, length: row[3].int ?? 0)
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                let raw = object["raw"] as? String, let document = try? DocumentRecord.decode(Array(raw.utf8))
            else { continue }
            items.append(Item(step: step, text: document.text, language: nil, source: document.source))
        }
        return items
    }
}
