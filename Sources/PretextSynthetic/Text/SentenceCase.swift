/// Capitalizes the first letter of an ASCII word (the made-up words are lowercase ASCII).
enum SentenceCase {
    /// `word` with its first ASCII letter uppercased.
    static func capitalize(_ word: String) -> String {
        guard let first = word.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
            return word
        }
        var bytes = Array(word.utf8)
        bytes[0] = first - 32
        return String(decoding: bytes, as: UTF8.self)
    }
}
