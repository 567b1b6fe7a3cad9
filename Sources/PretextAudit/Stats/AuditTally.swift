/// Counts observed documents into flat integer arrays indexed by `AuditKeys` keys: one tally
/// per thread or task, turned into the mergeable, name-keyed `AuditPartial` once at the end.
///
/// Slices (the whole corpus, each language, each source) get an index the first time they
/// are seen; the last language and source are remembered, so a run of documents from one
/// source hashes no strings at all.
public struct AuditTally: Sendable {
    /// The names of the keys.
    public let keys: AuditKeys
    private let groupCount: Int
    private let contextCount: Int
    private let pronounCount: Int
    private let severityCount: Int
    /// Length buckets per slice: `⌊log2(bytes)⌋` of a positive `Int` is below 64.
    private static let bucketCount = 64

    private var slices = SliceIndex()
    private var perSlice = [SliceCounts]()
    private var piiMentions = CountTable<AuditCounts.Sliced>()
    private var coverage = LexiconCoverage()
    private var cooccurrence: SentenceTally
    private var documentGroups = DistinctKeys(count: 0)
    private var survivors = 0
    private var survivorGroups: [Int]
    private var steps: [String: Int] = [:]
    private var stepNames: [String] = []
    private var dropped: [Int] = []
    private var droppedGroups: [Int] = []

    /// An empty tally over `keys`.
    public init(keys: AuditKeys) {
        self.keys = keys
        groupCount = keys.groups.count
        contextCount = keys.context.count
        pronounCount = keys.pronouns.count
        severityCount = keys.severities.count
        cooccurrence = SentenceTally(groups: groupCount, words: contextCount)
        documentGroups = DistinctKeys(count: groupCount)
        survivorGroups = Array(repeating: 0, count: groupCount)
    }

    /// Counts a document of the audited dataset: corpus figures, co-occurrence, and a survivor
    /// of every earlier step.
    public mutating func add(_ document: DocumentObservation) {
        documentGroups.collect(document.groups)
        let bucket = document.bytes > 0 ? Int.bitWidth - 1 - document.bytes.leadingZeroBitCount : 0
        add(document, slice: 0, bucket: bucket)
        add(document, slice: slices.index(language: document.language), bucket: bucket)
        add(document, slice: slices.index(source: document.source), bucket: bucket)
        cooccurrence.add(document)
        coverage.add(document)
        survivors += 1
        for group in documentGroups.keys { survivorGroups[Int(group)] += 1 }
    }

    /// Counts `document` in `slice` (its counts are created when the slice is new).
    private mutating func add(_ document: DocumentObservation, slice: Int, bucket: Int) {
        while perSlice.count <= slice {
            perSlice.append(
                SliceCounts(
                    groups: groupCount, pronouns: pronounCount, severities: severityCount, buckets: Self.bucketCount))
        }
        perSlice[slice].add(document, bucket: bucket, distinctGroups: documentGroups.keys)
        for (type, count) in document.pii { piiMentions.add(.init(slices.names[slice], type), count) }
    }

    /// Counts a document that `step` (`NN-stage`) dropped: only which groups it mentions.
    public mutating func addDropped(_ document: DocumentObservation, step: String) {
        let index = steps[step] ?? stepNames.count
        if index == stepNames.count {
            steps[step] = index
            stepNames.append(step)
            dropped.append(0)
            droppedGroups += Array(repeating: 0, count: groupCount)
        }
        documentGroups.collect(document.groups)
        dropped[index] += 1
        for group in documentGroups.keys { droppedGroups[index * groupCount + Int(group)] += 1 }
    }

    /// The counts by name, mergeable with other tasks' partials.
    public func partial() -> AuditPartial {
        var counts = AuditCounts()
        for (slice, figures) in perSlice.enumerated() where figures.documents > 0 {
            figures.write(slice: slices.names[slice], keys: keys, into: &counts)
        }
        counts.piiMentions = piiMentions
        counts.cooccurrence = cooccurrence.counts(keys: keys)
        coverage.write(into: &counts)
        var drops = DropCounts()
        if survivors > 0 { drops.survivors.add("", survivors) }
        for (group, count) in survivorGroups.enumerated() where count > 0 {
            drops.survivors.add(keys.groups[group], count)
        }
        for (index, step) in stepNames.enumerated() {
            drops.dropped.add(.init(step, ""), dropped[index])
            for group in 0..<groupCount where droppedGroups[index * groupCount + group] > 0 {
                drops.dropped.add(.init(step, keys.groups[group]), droppedGroups[index * groupCount + group])
            }
        }
        return AuditPartial(counts: counts, drops: drops)
    }
}
