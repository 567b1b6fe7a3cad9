import PretextCore

/// Cuts documents into sentence pairs as BERT's `create_instances_from_document` does, for
/// next-sentence prediction (NSP) or ALBERT's sentence-order prediction (SOP).
///
/// Sentences are gathered into a chunk until it reaches the target length (`maxTokens`, or
/// with probability `shortProbability` a random length in 2...`maxTokens`) or the document
/// ends; segment A is the first `randint(1, chunk − 1)` sentences. NSP: with probability 0.5,
/// or when the chunk has one sentence, B comes from another document (up to 10 draws to avoid
/// this one; a random sentence on, up to the length A leaves) and the chunk's unused sentences
/// are put back (label 1, "random next"); otherwise B is the rest of the chunk (label 0).
/// SOP: B is the rest of the chunk and A and B are swapped with probability 0.5 (label 1); a
/// chunk of one sentence is cut at a random token instead (ALBERT pairs it with another
/// document and labels it swapped — a pair whose order says nothing; fixed here), and one of
/// a single token is skipped. Then the pair is trimmed to `maxTokens` (`truncate_seq_pair`:
/// the longer side loses a token from the front or the back, each with probability 0.5).
struct SentencePairs: Sendable {
    /// Which relation the label describes.
    enum Task: String, Sendable, CaseIterable {
        /// Next-sentence prediction: label 1 when B comes from another document.
        case nsp
        /// Sentence-order prediction: label 1 when A and B are swapped.
        case sop
    }

    /// One pair, before masking.
    struct Pair: Equatable {
        var a: [UInt32]
        var b: [UInt32]
        var label: Bool
    }

    let task: Task
    /// The most tokens of A and B together (`max_seq_length − 3`).
    let maxTokens: Int
    let shortProbability: Double

    /// The pairs of document `index` of `documents`.
    func pairs(of index: Int, in documents: [TokenDocument], random: inout ExampleRandom) -> [Pair] {
        let document = documents[index]
        let sentences = document.sentences
        var target = maxTokens
        if random.unit() < shortProbability { target = random.integer(2, maxTokens) }
        var pairs: [Pair] = []
        var chunk: [Range<Int>] = []
        var length = 0
        var i = 0
        while i < sentences.count {
            chunk.append(sentences[i])
            length += sentences[i].count
            if i == sentences.count - 1 || length >= target {
                let (pair, unused) = makePair(chunk, of: document, index: index, documents, target: target, &random)
                i -= unused
                if var pair {
                    truncate(&pair, random: &random)
                    if !pair.a.isEmpty, !pair.b.isEmpty { pairs.append(pair) }
                }
                chunk.removeAll(keepingCapacity: true)
                length = 0
            }
            i += 1
        }
        return pairs
    }

    /// The pair of one chunk, and how many of its sentences go back to the document.
    private func makePair(
        _ chunk: [Range<Int>], of document: TokenDocument, index: Int, _ documents: [TokenDocument], target: Int,
        _ random: inout ExampleRandom
    ) -> (Pair?, unused: Int) {
        let aEnd = chunk.count >= 2 ? random.integer(1, chunk.count - 1) : 1
        let a = chunk[0..<aEnd].flatMap { document.ids[$0] }
        let rest = chunk[aEnd...].flatMap { document.ids[$0] }
        switch task {
        case .nsp:
            if chunk.count == 1 || random.unit() < 0.5 {
                let b = randomNext(avoiding: index, documents, length: target - a.count, &random)
                return (Pair(a: a, b: b, label: true), chunk.count - aEnd)
            }
            return (Pair(a: a, b: rest, label: false), 0)
        case .sop:
            if chunk.count == 1 {
                guard a.count >= 2 else { return (nil, 0) }
                let cut = random.integer(1, a.count - 1)
                return (orderPair(Array(a[..<cut]), Array(a[cut...]), &random), 0)
            }
            return (orderPair(a, rest, &random), 0)
        }
    }

    /// A and B, swapped with probability 0.5 (label 1 when swapped).
    private func orderPair(_ a: [UInt32], _ b: [UInt32], _ random: inout ExampleRandom) -> Pair {
        random.unit() < 0.5 ? Pair(a: b, b: a, label: true) : Pair(a: a, b: b, label: false)
    }

    /// B from another document: from a random sentence on, until `length` tokens.
    private func randomNext(
        avoiding index: Int, _ documents: [TokenDocument], length: Int, _ random: inout ExampleRandom
    ) -> [UInt32] {
        var other = index
        for _ in 0..<10 {
            other = random.uniform(below: documents.count)
            if other != index { break }
        }
        let document = documents[other]
        var b: [UInt32] = []
        for sentence in document.sentences[random.uniform(below: document.sentences.count)...] {
            b += document.ids[sentence]
            if b.count >= length { break }
        }
        return b
    }

    /// `truncate_seq_pair`: the longer side loses a token at the front or the back.
    private func truncate(_ pair: inout Pair, random: inout ExampleRandom) {
        while pair.a.count + pair.b.count > maxTokens {
            let front = random.unit() < 0.5
            if pair.a.count > pair.b.count {
                if front { pair.a.removeFirst() } else { pair.a.removeLast() }
            } else {
                if front { pair.b.removeFirst() } else { pair.b.removeLast() }
            }
        }
    }
}
