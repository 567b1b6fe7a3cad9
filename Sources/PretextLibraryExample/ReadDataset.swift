import Pretext

// docs/library.md, "Read a dataset's documents"
/// Prints the id, source and first characters of the first `limit` English documents of the
/// dataset at `path`, in storage order.
func printDocuments(of path: String, limit: Int) throws {
    let dataset = try Dataset.open(at: path)
    let catalog = try dataset.openCatalog(readOnly: true)
    let fetcher = RecordFetcher(dataset: dataset)
    try catalog.forEachRecord(of: .documents, where: "lang = 'en'", limit: limit) { address in
        let document = try DocumentRecord.decode(try fetcher.record(shard: address.shard, at: address.location))
        print("document:", document.id, document.source, document.text.prefix(30).debugDescription)
    }
}
