import PretextCore
import PretextStore

/// The masked-LM examples of one shard: its documents are held until the end of the shard,
/// then `dupe_factor` passes each cut every document into pairs (`SentencePairs`), mask them
/// (`MaskedLMMasker`) and shuffle the pass's examples.
///
/// BERT's script shuffles the documents once and all passes' examples together at the end;
/// here the examples are shuffled per pass (memory stays one pass of one shard; the loader
/// reorders examples at training time anyway).
public struct MaskedLMGenerator: ExampleGenerator {
    let pairs: SentencePairs
    let masker: MaskedLMMasker
    let layout: MaskedLMLayout
    let dupeFactor: Int
    var random: ExampleRandom
    private var documents: [TokenDocument] = []
    private var builder = RecordBuilder()

    init(
        pairs: SentencePairs, masker: MaskedLMMasker, layout: MaskedLMLayout, dupeFactor: Int, random: ExampleRandom
    ) {
        self.pairs = pairs
        self.masker = masker
        self.layout = layout
        self.dupeFactor = dupeFactor
        self.random = random
    }

    /// Holds the document (documents without tokens add nothing).
    public mutating func add(_ document: TokenDocument, to output: inout ExampleOutput) throws {
        if !document.ids.isEmpty { documents.append(document) }
    }

    /// Writes every pass's examples.
    public mutating func finish(to output: inout ExampleOutput) throws {
        guard !documents.isEmpty else { return }
        random.shuffle(&documents)
        for _ in 0..<dupeFactor {
            var records: [[UInt8]] = []
            for index in documents.indices {
                for pair in pairs.pairs(of: index, in: documents, random: &random) {
                    var (tokens, segments) = layout.sequence(pair)
                    let predictions = masker.mask(&tokens, random: &random)
                    layout.record(
                        tokens: tokens, segments: segments, predictions: predictions, label: pair.label, into: &builder)
                    records.append(builder.bytes)
                }
            }
            random.shuffle(&records)
            for record in records { try output.write(record) }
        }
        documents.removeAll()
    }
}
