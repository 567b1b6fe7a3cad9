import PretextCore
import PretextStore

/// The contrastive pairs of one shard: its documents are held until the end of the shard, then
/// every document gives its pairs, each with a hard negative when asked, and the shard's pairs
/// are shuffled.
///
/// Positives: `adjacent_sentences` pairs sentence 1 with 2, 3 with 4, … (a document of one
/// sentence gives none); `spans` draws two spans of one document, each of a length uniform in
/// `min_span`…room and a uniform start (they may overlap; a document shorter than `min_span`
/// gives none); `same_text` gives every sentence as anchor and positive. Hard negatives come
/// from another document of the shard: `same_source` a random one with the same `source` (none
/// other: a random one), `minhash` the most similar one below the bound (none found: a random
/// one); the negative is its first sentence, or its start for `spans`.
public struct ContrastiveGenerator: ExampleGenerator {
    let positives: ContrastivePairsStage.Positives
    let negatives: ContrastivePairsStage.HardNegatives
    let text: TextLayout
    let minSpan: Int
    let negativeBound: Double
    let minHash: TokenMinHash
    var random: ExampleRandom
    private var documents: [TokenDocument] = []

    init(
        positives: ContrastivePairsStage.Positives, negatives: ContrastivePairsStage.HardNegatives, text: TextLayout,
        minSpan: Int, negativeBound: Double, minHash: TokenMinHash, random: ExampleRandom
    ) {
        self.positives = positives
        self.negatives = negatives
        self.text = text
        self.minSpan = minSpan
        self.negativeBound = negativeBound
        self.minHash = minHash
        self.random = random
    }

    /// Holds the document.
    public mutating func add(_ document: TokenDocument, to output: inout ExampleOutput) throws {
        if !document.ids.isEmpty { documents.append(document) }
    }

    /// Writes the shard's pairs, shuffled.
    public mutating func finish(to output: inout ExampleOutput) throws {
        let partners = negativePartners()
        var records: [[UInt8]] = []
        var builder = RecordBuilder()
        for (index, document) in documents.enumerated() {
            for (anchor, positive) in pairs(of: document) {
                builder.reset()
                text.append(anchor, to: &builder)
                text.append(positive, to: &builder)
                if negatives != .none {
                    let other = documents[partners[index] ?? randomOther(than: index)]
                    text.append(negativeText(of: other), to: &builder)
                }
                records.append(builder.bytes)
            }
        }
        random.shuffle(&records)
        for record in records { try output.write(record) }
        documents.removeAll()
    }

    /// The anchor and positive texts of one document.
    mutating func pairs(of document: TokenDocument) -> [(ArraySlice<UInt32>, ArraySlice<UInt32>)] {
        let sentences = document.sentences.map { document.ids[$0] }
        switch positives {
        case .adjacentSentences:
            return stride(from: 0, to: sentences.count - 1, by: 2).map { (sentences[$0], sentences[$0 + 1]) }
        case .sameText:
            return sentences.map { ($0, $0) }
        case .spans:
            guard document.ids.count >= minSpan else { return [] }
            return [(span(of: document.ids), span(of: document.ids))]
        }
    }

    /// A random span of `ids`, `min_span`…room tokens long.
    private mutating func span(of ids: [UInt32]) -> ArraySlice<UInt32> {
        let longest = min(text.room, ids.count)
        let length = random.integer(min(minSpan, longest), longest)
        let start = random.integer(0, ids.count - length)
        return ids[start..<start + length]
    }

    /// The text a negative document gives.
    private func negativeText(of document: TokenDocument) -> ArraySlice<UInt32> {
        positives == .spans ? document.ids.prefix(text.room) : document.ids[document.sentences[0]]
    }

    /// Each document's hard-negative partner, or `nil` for a random one.
    private mutating func negativePartners() -> [Int?] {
        switch negatives {
        case .none: return []
        case .minhash:
            return minHash.neighbours(documents.map { minHash.signature($0.ids) }, below: negativeBound)
        case .sameSource:
            var bySource: [String: [Int]] = [:]
            for (index, document) in documents.enumerated() {
                bySource[document.row.source ?? "", default: []].append(index)
            }
            return documents.indices.map { index in
                let group = bySource[documents[index].row.source ?? ""] ?? []
                guard group.count > 1 else { return nil }
                var other = group[random.uniform(below: group.count - 1)]
                if other == index { other = group[group.count - 1] }
                return other
            }
        }
    }

    /// A random document other than `index` (itself when it is the only one).
    private mutating func randomOther(than index: Int) -> Int {
        guard documents.count > 1 else { return index }
        let other = random.uniform(below: documents.count - 1)
        return other >= index ? other + 1 : other
    }
}
