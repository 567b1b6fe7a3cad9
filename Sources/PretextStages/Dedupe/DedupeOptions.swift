import PretextCore
import PretextDedupe

/// The options of the dedupe stage, declared once: `DedupeStage.descriptor` lists them,
/// `DocumentDedupeSettings`, `RepeatedContentSettings` and `KeepRule` read them.
enum DedupeOptions {
    /// The dedupe methods (`method:`).
    enum Method: String, Sendable, CaseIterable, OptionChoice {
        /// Equal simplified text.
        case exact
        /// Near duplicates by MinHash LSH.
        case minhash
        /// Lines repeated across the corpus.
        case lines
        /// Paragraphs repeated across the corpus.
        case paragraphs
        /// Sentence spans repeated across the corpus.
        case spans
    }

    /// The methods that compare whole documents.
    static let documentMethods: [Method] = [.exact, .minhash]
    /// The methods that remove repeated units of text.
    static let unitMethods: [Method] = [.lines, .paragraphs, .spans]

    /// Every option, in the order `pretext stages` lists them.
    static let all: [any OptionDeclaration] = [
        method, keep, keepColumn, keepSources, normalize, ngram, cjkNgram, bands, rows, threshold, numHashes, seed,
        verify, hashRanges, memoryMB, maxRepeats, keepFirst, spanSentences, unitNormalization, minUnitChars, minWords,
        counting, bloomItems, bloomFP,
    ]

    // MARK: every method

    static let method = OptionKey<Method>(
        "method", default: .minhash,
        "exact: equal simplified text; minhash: near duplicates by MinHash LSH; lines, paragraphs, spans: "
            + "remove units repeated across the corpus")
    static let normalize = OptionKey<[String]>(
        "normalize", default: DedupeNormalization.stepNames,
        "simplification before hashing: lowercase, digits, punctuation, whitespace, accents")
    static let hashRanges = OptionKey<Int>(
        "hash_ranges", min: 0, max: 4096, default: 0,
        "hash partitions per band, or of unit counts (0: enough for every task)")
    static let memoryMB = OptionKey<Int>(
        "memory_mb", min: 1, default: 512,
        "per-task memory for signatures or unit counts before a sorted run is spilled to disk")

    // MARK: exact and minhash

    static let keep = OptionKey<String>(
        "keep", choices: KeepRule.names, default: "first",
        "which document of a cluster stays: first (input order), id (smallest), longest, column, source"
    ).only(when: method, is: documentMethods)
    static let keepColumn = OptionKey<String>(
        "keep_column", default: "", "keep: column — the catalog column, highest wins"
    ).only(when: method, is: documentMethods)
    static let keepSources = OptionKey<[String]>(
        "keep_sources", default: [], "keep: source — source prefixes, first listed wins"
    ).only(when: method, is: documentMethods)
    static let ngram = OptionKey<Int>("ngram", min: 1, max: 64, default: 5, "words per shingle")
        .only(when: method, is: [.minhash])
    static let cjkNgram = OptionKey<Int>(
        "cjk_ngram", min: 1, max: 64, default: 5, "characters per shingle in Chinese/Japanese documents"
    ).only(when: method, is: [.minhash])
    static let bands = OptionKey<Int>("bands", min: 1, max: 512, default: 14, "LSH bands")
        .only(when: method, is: [.minhash])
    static let rows = OptionKey<Int>("rows", min: 1, max: 64, default: 8, "hashes per band")
        .only(when: method, is: [.minhash])
    static let threshold = OptionKey<Double>(
        "threshold", min: 0, max: 1, default: 0,
        "derive bands and rows for this Jaccard threshold (0: use bands and rows)"
    ).only(when: method, is: [.minhash])
    static let numHashes = OptionKey<Int>(
        "num_hashes", min: 1, max: 4096, default: 112,
        "hash functions available when bands and rows come from threshold"
    ).only(when: method, is: [.minhash])
    static let seed = OptionKey<Int>("seed", min: 0, default: 1, "seed of the MinHash functions")
        .only(when: method, is: [.minhash])
    static let verify = OptionKey<Bool>(
        "verify", default: true, "minhash: join a candidate pair only if its estimated Jaccard reaches the threshold"
    ).only(when: method, is: [.minhash])

    // MARK: lines, paragraphs and spans

    static let maxRepeats = OptionKey<Int>(
        "max_repeats", min: 1, default: 1,
        "lines/paragraphs/spans: a unit occurring more than this many times in the corpus is removed"
    ).only(when: method, is: unitMethods)
    static let keepFirst = OptionKey<Bool>(
        "keep_first", default: true,
        "lines/paragraphs/spans: keep a repeated unit's first occurrence in input order (needs counting: exact)"
    ).only(when: method, is: unitMethods)
    static let spanSentences = OptionKey<Int>(
        "span_sentences", min: 1, max: 64, default: 3, "spans: sentences per span (C4: 3)"
    ).only(when: method, is: [.spans])
    static let unitNormalization = OptionKey<String>(
        "unit_normalization", choices: ["whitespace", "normalize"], default: "whitespace",
        "lines/paragraphs/spans: before hashing, trim and collapse whitespace, or apply the normalize steps"
    ).only(when: method, is: unitMethods)
    static let minUnitChars = OptionKey<Int>(
        "min_unit_chars", min: 0, default: 0,
        "lines/paragraphs/spans: shorter normalized units are never counted or removed"
    ).only(when: method, is: unitMethods)
    static let minWords = OptionKey<Int>(
        "min_words", min: 0, default: 50,
        "lines/paragraphs/spans: a document left with fewer words after removal is dropped"
    ).only(when: method, is: unitMethods)
    static let counting = OptionKey<RepeatedContentSettings.Counting>(
        "counting", default: .exact,
        "lines/paragraphs/spans: exact counts (sorted runs) or a counting Bloom filter (may over-count)"
    ).only(when: method, is: unitMethods)
    static let bloomItems = OptionKey<Int>(
        "bloom_items", min: 1, default: 10_000_000,
        "counting: bloom — expected distinct units in the corpus (sizes the filter)"
    ).only(when: method, is: unitMethods)
    static let bloomFP = OptionKey<Double>(
        "bloom_fp", min: 1e-9, max: 0.5, default: 0.01,
        "counting: bloom — target false-positive rate (sizes the filter)"
    ).only(when: method, is: unitMethods)
}
