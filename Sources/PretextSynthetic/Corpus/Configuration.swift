extension NearDuplicateCorpus {
    /// What to generate. The defaults are those of the dedupe benchmark set
    /// (docs/dedupe-benchmark-set.md); only the document count and the seed are required.
    public struct Configuration: Sendable, Equatable {
        /// The number of documents, families included.
        public var documentCount: Int
        /// The seed: the same configuration always gives the same corpus.
        public var seed: UInt64
        /// The share of documents that belong to a near-duplicate family (source or variant).
        public var familyShare: Double = 0.3
        /// Members per family, source included (at least 2).
        public var familySize: ClosedRange<Int> = 2...5
        /// The share of families and singletons that are Chinese.
        public var chineseShare: Double = 0.1
        /// The length of an English document, in words (before edits and boilerplate).
        public var englishWords: ClosedRange<Int> = 80...400
        /// The length of a Chinese document, in characters (before edits and boilerplate).
        public var chineseCharacters: ClosedRange<Int> = 150...600
        /// The range edit rates of edited variants are drawn from, uniformly.
        public var editRate: ClosedRange<Double> = 0.01...0.30
        /// The share of variants that are exact copies of their source.
        public var exactCopyShare: Double = 0.1

        /// A configuration with the default shares and lengths.
        public init(documentCount: Int, seed: UInt64) {
            self.documentCount = documentCount
            self.seed = seed
        }

        /// Stops on settings the generator cannot honour.
        func validate() {
            precondition(documentCount >= 0 && documentCount < Int(UInt32.max), "documentCount out of range")
            precondition((0...1).contains(familyShare), "familyShare must lie in [0, 1]")
            precondition(familySize.lowerBound >= 2, "a family has at least 2 members")
            precondition((0...1).contains(chineseShare), "chineseShare must lie in [0, 1]")
            precondition(englishWords.lowerBound >= 1 && chineseCharacters.lowerBound >= 1, "empty documents")
            precondition(editRate.lowerBound >= 0 && editRate.upperBound <= 1, "editRate must lie in [0, 1]")
            precondition((0...1).contains(exactCopyShare), "exactCopyShare must lie in [0, 1]")
        }
    }
}
