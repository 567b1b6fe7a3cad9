/// The charsets ingest decoded web pages from, in a dataset's summary.
extension DatasetSummary {
    /// Documents decoded from one charset (the `charset` column that ingest writes for WARC
    /// responses and later steps carry along).
    public struct CharsetCount: Sendable, Equatable {
        /// The charset's name (`utf-8`, `gbk`, `shift_jis`…).
        public var name: String
        /// How many documents.
        public var count: Int
    }

    /// Documents by charset, most frequent first; empty when the dataset has no `charset`
    /// column (no WARC responses were ingested).
    static func loadCharsets(_ catalog: Catalog) throws -> [CharsetCount] {
        try catalog.documentCounts(by: "charset").map { CharsetCount(name: $0.value, count: $0.count) }
    }

    /// The charset table's lines (none when there are no charsets).
    var charsetLines: [String] {
        guard !charsets.isEmpty else { return [] }
        return [""]
            + TextTable(header: ["charset", "documents"], rows: charsets.map { [$0.name, String($0.count)] }).lines
    }
}
