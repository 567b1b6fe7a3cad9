import PretextCore

/// The checks the model configurations share, each throwing `.invalidConfiguration` that names
/// the key as `config.json` spells it.
enum ConfigurationCheck {
    /// Every value at least 1.
    static func positive(_ values: [(key: String, value: Int)]) throws {
        if let bad = values.first(where: { $0.value < 1 }) {
            throw invalid("\(bad.key) must be at least 1; got \(bad.value)")
        }
    }

    /// The hidden size a multiple of the number of heads.
    static func divides(heads: Int, hidden: Int) throws {
        guard hidden % heads == 0 else {
            throw invalid("the hidden size \(hidden) must be a multiple of the \(heads) attention heads")
        }
    }

    /// A token id inside the vocabulary.
    static func tokenID(_ key: String, _ id: Int, vocabularySize: Int) throws {
        guard id >= 0, id < vocabularySize else {
            throw invalid("\(key) \(id) must be in 0..<\(vocabularySize) (the vocabulary size)")
        }
    }

    /// Every value a dropout probability in [0, 1).
    static func probabilities(_ values: [(key: String, value: Double)]) throws {
        if let bad = values.first(where: { !($0.value >= 0 && $0.value < 1) }) {
            throw invalid("\(bad.key) must be in [0, 1); got \(bad.value)")
        }
    }

    private static func invalid(_ reason: String) -> PretextError {
        PretextError(.invalidConfiguration, "invalid model configuration: \(reason)")
    }
}
