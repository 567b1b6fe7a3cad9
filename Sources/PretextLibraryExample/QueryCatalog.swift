import Pretext

// docs/library.md, "Query the catalog"
/// Prints the dataset's documents per language and its drops per reason, from its catalog.
func printCatalogSummary(of path: String) throws {
    let catalog = try Dataset.open(at: path).openCatalog(readOnly: true)
    let languages = try catalog.query(
        "SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY count(*) DESC, lang")
    for row in languages.rows { print("language:", row[0], row[1]) }
    let drops = try catalog.query(
        "SELECT stage, reason, count(*) FROM drops WHERE stage = ? GROUP BY reason ORDER BY reason", ["quality"])
    for row in drops.rows { print("drops:", row[0], row[1], row[2]) }
}
