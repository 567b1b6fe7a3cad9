/// One slice's counts in an `AuditTally`, in arrays indexed by key.
struct SliceCounts: Sendable {
    private(set) var documents = 0
    private var words = 0
    private var bytes = 0
    private var offensiveDocuments = 0
    private var piiDocuments = 0
    private var groupMentions: [Int]
    private var groupDocuments: [Int]
    private var pronouns: [Int]
    private var offensiveMentions: [Int]
    private var lengthBuckets: [Int]

    init(groups: Int, pronouns: Int, severities: Int, buckets: Int) {
        groupMentions = Array(repeating: 0, count: groups)
        groupDocuments = Array(repeating: 0, count: groups)
        self.pronouns = Array(repeating: 0, count: pronouns)
        offensiveMentions = Array(repeating: 0, count: severities)
        lengthBuckets = Array(repeating: 0, count: buckets)
    }

    /// Counts `document`, which mentions `distinctGroups`, in length bucket `bucket`.
    mutating func add(_ document: DocumentObservation, bucket: Int, distinctGroups: [Int32]) {
        documents += 1
        words += document.words
        bytes += document.bytes
        lengthBuckets[bucket] += 1
        for mention in document.groups { groupMentions[Int(mention.key)] += 1 }
        for group in distinctGroups { groupDocuments[Int(group)] += 1 }
        for pronoun in document.pronouns { pronouns[Int(pronoun)] += 1 }
        for severity in document.offensive { offensiveMentions[Int(severity)] += 1 }
        if !document.offensive.isEmpty { offensiveDocuments += 1 }
        if !document.pii.isEmpty { piiDocuments += 1 }
    }

    /// Adds the counts to `counts` under the slice's `name`, naming keys by `keys`.
    func write(slice name: String, keys: AuditKeys, into counts: inout AuditCounts) {
        counts.documents.add(name, documents)
        counts.words.add(name, words)
        counts.bytes.add(name, bytes)
        if offensiveDocuments > 0 { counts.offensiveDocuments.add(name, offensiveDocuments) }
        if piiDocuments > 0 { counts.piiDocuments.add(name, piiDocuments) }
        for (bucket, count) in lengthBuckets.enumerated() where count > 0 {
            counts.lengthBuckets.add(.init(name, String(bucket)), count)
        }
        for (group, count) in groupMentions.enumerated() where count > 0 {
            counts.groupMentions.add(.init(name, keys.groups[group]), count)
        }
        for (group, count) in groupDocuments.enumerated() where count > 0 {
            counts.groupDocuments.add(.init(name, keys.groups[group]), count)
        }
        for (pronoun, count) in pronouns.enumerated() where count > 0 {
            counts.pronouns.add(.init(name, keys.pronouns[pronoun]), count)
        }
        for (severity, count) in offensiveMentions.enumerated() where count > 0 {
            counts.offensiveMentions.add(.init(name, keys.severities[severity]), count)
        }
    }
}
