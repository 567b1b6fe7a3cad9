import PretextCore
import PretextStages
import PretextStore

/// The labelled documents a linear probe classifies: documents of a tokenized dataset (the
/// `tokenize` stage's records) whose catalog column `column` has a value, each as its framed
/// first tokens and the index of its label.
///
/// At most `maxDocuments` are taken, the same ones on every read: those whose ids hash
/// lowest (XXH64 with the seed), so a sample of a large corpus is spread over all its shards.
public struct ProbeDocuments: Sendable {
    /// The tokenized dataset.
    public let path: String
    /// The catalog column classified (`lang`, `source`).
    public let column: String
    /// The labels, sorted; `labels` index them.
    public let classes: [String]
    /// The documents' ids.
    public private(set) var documentIDs: [String] = []
    /// Each document's framed tokens.
    public private(set) var sequences: [[Int32]] = []
    /// Each document's class index.
    public private(set) var labels: [Int] = []

    /// Reads the documents of the tokenized dataset at `path`.
    /// - Throws: `.invalidConfiguration` when the dataset holds no token records or has no
    ///   column `column`; the store's errors for a damaged dataset.
    public init(at path: String, column: String, framing: ProbeFraming, maxDocuments: Int, seed: UInt64) throws {
        let dataset = try Dataset.open(at: path)
        guard let tokens = try TokenRecords(dataset: dataset) else {
            throw PretextError(
                .invalidConfiguration, "the linear probe reads a tokenized dataset (a tokenize step's output)",
                path: path)
        }
        let catalog = try dataset.openCatalog(readOnly: true)
        let chosen = try Self.labels(in: catalog, column: column, path: path, maxDocuments: maxDocuments, seed: seed)
        self.path = path
        self.column = column
        self.classes = Array(Set(chosen.values)).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let fetcher = RecordFetcher(dataset: dataset)
        try catalog.forEachRecord(of: .documents) { address in
            guard let id = address.document, let label = chosen[id] else { return }
            let ids = try fetcher.withRecord(
                shard: address.shard, frame: address.location.frame, offset: address.location.offset,
                length: address.location.length
            ) { tokens.ids($0) }
            documentIDs.append(id)
            sequences.append(framing.frame(ids))
            labels.append(classIndex[label] ?? 0)
        }
    }

    /// The label of each chosen document: the `maxDocuments` with a value whose ids hash lowest.
    static func labels(
        in catalog: Catalog, column: String, path: String, maxDocuments: Int, seed: UInt64
    ) throws -> [String: String] {
        try checkColumn(column, in: catalog, path: path)
        let rows = try catalog.query("SELECT id, CAST(\(column) AS TEXT) FROM documents WHERE \(column) IS NOT NULL")
        var labelled: [(hash: UInt64, id: String, label: String)] = []
        for row in rows.rows {
            guard let id = row[0].string, let label = row[1].string, !label.isEmpty else { continue }
            labelled.append((XXH64.hash(Array(id.utf8), seed: seed), id, label))
        }
        if labelled.count > maxDocuments {
            labelled.sort { ($0.hash, $0.id) < ($1.hash, $1.id) }
            labelled.removeLast(labelled.count - maxDocuments)
        }
        return Dictionary(labelled.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// Checks that `column` is a plain identifier naming a column of `documents`.
    static func checkColumn(_ column: String, in catalog: Catalog, path: String) throws {
        let plain =
            !column.isEmpty && column.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            && !(column.first?.isNumber ?? true)
        let columns = try catalog.query("SELECT name FROM pragma_table_info('documents')").rows.compactMap {
            $0[0].string
        }
        guard plain, columns.contains(column) else {
            throw PretextError(
                .invalidConfiguration,
                "the documents have no column '\(column)' to probe (set probe_column to one of: lang, source, "
                    + "or another catalog column; the language step adds lang)",
                path: path)
        }
    }
}
