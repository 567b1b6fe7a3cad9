import PretextCore

/// Which document goes where, decided up front with indices only (a few bytes a document).
///
/// Documents are numbered in generation order: the members of family 0 (source first), of
/// family 1, …, then the singletons. A seeded Fisher–Yates shuffle maps generation order to
/// output positions, so members of a family are scattered and the source is not always first.
struct CorpusLayout: Sendable {
    /// Where each family starts in generation order, plus one past the last family member.
    let familyStarts: [Int]
    /// The generation index of the document at each output position.
    let generationAtPosition: [UInt32]
    /// The output position of each generation index.
    let positionOfGeneration: [UInt32]

    /// Draws the family sizes and the shuffle.
    init(_ configuration: NearDuplicateCorpus.Configuration) {
        var rng = SeedMixer.generator(configuration.seed, stream: .layout, index: 0)
        familyStarts = Self.familyStarts(configuration, using: &rng)
        generationAtPosition = Self.shuffled(configuration.documentCount, using: &rng)
        var inverse = [UInt32](repeating: 0, count: configuration.documentCount)
        for (position, generation) in generationAtPosition.enumerated() {
            inverse[Int(generation)] = UInt32(position)
        }
        positionOfGeneration = inverse
    }

    /// The number of families.
    var familyCount: Int { familyStarts.count - 1 }

    /// The number of documents in families.
    var familyDocumentCount: Int { familyStarts[familyStarts.count - 1] }

    /// The generation indices of family `family`'s members, source first.
    func members(ofFamily family: Int) -> Range<Int> {
        familyStarts[family]..<familyStarts[family + 1]
    }

    /// The family and member index of a generation index, or nil for a singleton.
    func familyMember(ofGeneration generation: Int) -> (family: Int, member: Int)? {
        guard generation < familyDocumentCount else { return nil }
        var low = 0
        var high = familyCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if familyStarts[middle] <= generation { low = middle } else { high = middle - 1 }
        }
        return (low, generation - familyStarts[low])
    }

    /// Family sizes drawn in the configured range until the family share is reached (a tail
    /// smaller than the smallest family is left to singletons).
    private static func familyStarts(
        _ configuration: NearDuplicateCorpus.Configuration, using rng: inout SplitMix64
    ) -> [Int] {
        let target = Int((Double(configuration.documentCount) * configuration.familyShare).rounded())
        var starts = [0]
        for size in LengthSplitter.split(target, into: configuration.familySize, using: &rng)
        where size >= configuration.familySize.lowerBound {
            starts.append(starts[starts.count - 1] + size)
        }
        return starts
    }

    /// 0..<count in a seeded Fisher–Yates order.
    private static func shuffled(_ count: Int, using rng: inout SplitMix64) -> [UInt32] {
        var order = (0..<count).map { UInt32($0) }
        var index = count - 1
        while index > 0 {
            order.swapAt(index, rng.int(in: 0...index))
            index -= 1
        }
        return order
    }
}
