import PretextCore

/// Chooses and masks the predicted positions of one sequence, as BERT's
/// `create_masked_lm_predictions` does, with ALBERT's n-gram masking as an option.
///
/// Candidates are the positions of every token but `[CLS]` and `[SEP]`, grouped into whole
/// words when `wholeWord` is on (a token that continues a word joins the word at the position
/// before it). `min(maxPredictions, max(1, round(n × probability)))` positions are predicted,
/// `n` counting `[CLS]` and `[SEP]`, rounding half to even as Python's `round`. With
/// `maxNgram` 1 the candidates are shuffled and taken in order, skipping a word that would pass
/// the count; with `maxNgram` > 1 (ALBERT) each candidate starts an n-gram of n ≤ `maxNgram`
/// whole words, n drawn with p ∝ 1/n over the n that fit before the last word, shortened
/// while it would pass the count. Each chosen position becomes `[MASK]` with probability 0.8,
/// stays with 0.1, or becomes a random id with 0.1 — from the ids that are not special tokens
/// (`replaceFromWholeVocabulary` off: the reference draws from the whole vocabulary, special
/// tokens included; RoBERTa's and fairseq's masking exclude them).
struct MaskedLMMasker: Sendable {
    /// One predicted position and the token it held.
    struct Prediction: Equatable {
        var position: Int
        var label: UInt32
    }

    let probability: Double
    let maxPredictions: Int
    let wholeWord: Bool
    let maxNgram: Int
    let maskID: UInt32
    /// Ids never predicted (`[CLS]`, `[SEP]`).
    let excluded: Set<UInt32>
    let vocabulary: ExampleVocabulary
    let replaceFromWholeVocabulary: Bool

    /// Masks `tokens` in place and returns the predictions, by position.
    func mask(_ tokens: inout [UInt32], random: inout ExampleRandom) -> [Prediction] {
        let words = candidates(tokens)
        let count = min(
            maxPredictions, max(1, Int((Double(tokens.count) * probability).rounded(.toNearestOrEven))))
        let chosen =
            maxNgram > 1
            ? ngramPositions(words, count: count, random: &random) : wordPositions(words, count: count, random: &random)
        var predictions: [Prediction] = []
        predictions.reserveCapacity(chosen.count)
        for position in chosen {
            predictions.append(Prediction(position: position, label: tokens[position]))
            tokens[position] = replacement(for: tokens[position], random: &random)
        }
        return predictions.sorted { $0.position < $1.position }
    }

    /// The candidate words: lists of adjacent positions.
    func candidates(_ tokens: [UInt32]) -> [[Int]] {
        var words: [[Int]] = []
        for (position, token) in tokens.enumerated() where !excluded.contains(token) {
            if wholeWord, let last = words.last?.last, last == position - 1, Int(token) < vocabulary.size,
                vocabulary.continuesWord[Int(token)]
            {
                words[words.count - 1].append(position)
            } else {
                words.append([position])
            }
        }
        return words
    }

    /// BERT: shuffled words, taken while they fit.
    private func wordPositions(_ words: [[Int]], count: Int, random: inout ExampleRandom) -> [Int] {
        var shuffled = words
        random.shuffle(&shuffled)
        var chosen: [Int] = []
        for word in shuffled {
            if chosen.count >= count { break }
            if chosen.count + word.count > count { continue }
            chosen += word
        }
        return chosen
    }

    /// ALBERT: each word starts an n-gram; shuffled starts, n drawn with p ∝ 1/n.
    private func ngramPositions(_ words: [[Int]], count: Int, random: inout ExampleRandom) -> [Int] {
        var starts = Array(words.indices)
        random.shuffle(&starts)
        var chosen: [Int] = []
        var covered = Set<Int>()
        for start in starts {
            if chosen.count >= count { break }
            var n = Self.drawN(max: min(maxNgram, words.count - start), random: &random)
            var positions = words[start..<start + n].flatMap { $0 }
            while chosen.count + positions.count > count, n > 1 {
                n -= 1
                positions = words[start..<start + n].flatMap { $0 }
            }
            if chosen.count + positions.count > count { continue }
            if positions.contains(where: covered.contains) { continue }
            covered.formUnion(positions)
            chosen += positions
        }
        return chosen
    }

    /// n in 1...max with probability ∝ 1/n.
    static func drawN(max: Int, random: inout ExampleRandom) -> Int {
        guard max > 1 else { return 1 }
        let total = (1...max).reduce(0.0) { $0 + 1 / Double($1) }
        var u = random.unit() * total
        for n in 1...max {
            u -= 1 / Double(n)
            if u < 0 { return n }
        }
        return max
    }

    /// 80 % `[MASK]`, 10 % the token itself, 10 % a random id.
    private func replacement(for token: UInt32, random: inout ExampleRandom) -> UInt32 {
        if random.unit() < 0.8 { return maskID }
        if random.unit() < 0.5 { return token }
        if replaceFromWholeVocabulary || vocabulary.ordinaryIDs.isEmpty {
            return UInt32(random.uniform(below: vocabulary.size))
        }
        return vocabulary.ordinaryIDs[random.uniform(below: vocabulary.ordinaryIDs.count)]
    }
}
