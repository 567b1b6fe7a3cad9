/// Documents and words per document language and lexicon applied, in an `AuditTally`: which
/// languages the audit covered. The last language and lexicon are remembered, so a run of
/// documents in one language hashes no strings.
struct LexiconCoverage: Sendable {
    private var keys: [AuditCounts.Sliced] = []
    private var index: [AuditCounts.Sliced: Int] = [:]
    private var documents: [Int] = []
    private var words: [Int] = []
    private var last = (language: "", lexicon: LexiconChoice.none, position: -1)

    /// Counts `document` under its language and lexicon.
    mutating func add(_ document: DocumentObservation) {
        if last.position < 0 || last.language != document.language || last.lexicon != document.lexicon {
            let key = AuditCounts.Sliced(document.language, document.lexicon.tag)
            let position = index[key] ?? keys.count
            if position == keys.count {
                index[key] = position
                keys.append(key)
                documents.append(0)
                words.append(0)
            }
            last = (document.language, document.lexicon, position)
        }
        documents[last.position] += 1
        words[last.position] += document.words
    }

    /// Adds the counts to `counts`.
    func write(into counts: inout AuditCounts) {
        for (position, key) in keys.enumerated() {
            counts.coverageDocuments.add(key, documents[position])
            counts.coverageWords.add(key, words[position])
        }
    }
}
