/// Sentence co-occurrence of group and context-word keys in an `AuditTally`: the integer
/// form of `CooccurrenceCounts` (pairs in a groups × words matrix).
struct SentenceTally: Sendable {
    private let groupCount: Int
    private let wordCount: Int
    private var sentences = 0
    private var tokens = 0
    private var groupSentences: [Int]
    private var wordSentences: [Int]
    private var pairSentences: [Int]
    private var groupTokens: [Int]
    private var wordTokens: [Int]
    private var sentenceGroups: DistinctKeys
    private var sentenceWords: DistinctKeys

    init(groups: Int, words: Int) {
        groupCount = groups
        wordCount = words
        groupSentences = Array(repeating: 0, count: groups)
        wordSentences = Array(repeating: 0, count: words)
        pairSentences = Array(repeating: 0, count: groups * words)
        groupTokens = Array(repeating: 0, count: groups)
        wordTokens = Array(repeating: 0, count: words)
        sentenceGroups = DistinctKeys(count: groups)
        sentenceWords = DistinctKeys(count: words)
    }

    /// Counts the sentences of `document`: every mention as a token, every distinct key and
    /// pair once per sentence.
    mutating func add(_ document: DocumentObservation) {
        sentences += document.sentences
        tokens += document.words
        for mention in document.groups { groupTokens[Int(mention.key)] += 1 }
        for mention in document.context { wordTokens[Int(mention.key)] += 1 }
        var nextGroup = 0
        var nextWord = 0
        let groups = document.groups
        let words = document.context
        while nextGroup < groups.count || nextWord < words.count {
            let sentence = min(
                nextGroup < groups.count ? groups[nextGroup].sentence : .max,
                nextWord < words.count ? words[nextWord].sentence : .max)
            let groupEnd = Self.end(of: sentence, in: groups, from: nextGroup)
            let wordEnd = Self.end(of: sentence, in: words, from: nextWord)
            sentenceGroups.collect(groups[nextGroup..<groupEnd])
            sentenceWords.collect(words[nextWord..<wordEnd])
            for group in sentenceGroups.keys { groupSentences[Int(group)] += 1 }
            for word in sentenceWords.keys { wordSentences[Int(word)] += 1 }
            for group in sentenceGroups.keys {
                for word in sentenceWords.keys { pairSentences[Int(group) * wordCount + Int(word)] += 1 }
            }
            nextGroup = groupEnd
            nextWord = wordEnd
        }
    }

    /// The end of the mentions of `sentence` starting at `start`.
    private static func end(of sentence: Int32, in mentions: [DocumentObservation.Mention], from start: Int) -> Int {
        var end = start
        while end < mentions.count, mentions[end].sentence == sentence { end += 1 }
        return end
    }

    /// The counts by name.
    func counts(keys: AuditKeys) -> CooccurrenceCounts {
        var counts = CooccurrenceCounts()
        counts.sentences = sentences
        counts.tokens = tokens
        for group in 0..<groupCount {
            if groupSentences[group] > 0 { counts.groupSentences.add(keys.groups[group], groupSentences[group]) }
            if groupTokens[group] > 0 { counts.groupTokens.add(keys.groups[group], groupTokens[group]) }
            for word in 0..<wordCount where pairSentences[group * wordCount + word] > 0 {
                counts.pairSentences.add(
                    .init(group: keys.groups[group], word: keys.context[word]), pairSentences[group * wordCount + word])
            }
        }
        for word in 0..<wordCount {
            if wordSentences[word] > 0 { counts.wordSentences.add(keys.context[word], wordSentences[word]) }
            if wordTokens[word] > 0 { counts.wordTokens.add(keys.context[word], wordTokens[word]) }
        }
        return counts
    }
}
