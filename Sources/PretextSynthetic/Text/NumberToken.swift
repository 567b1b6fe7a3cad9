import PretextCore

/// Numbers that appear now and then inside sentences: small counts, years, decimals and
/// thousands with a separator.
enum NumberToken {
    /// A number written with ASCII digits.
    static func draw(using rng: inout SplitMix64) -> String {
        let roll = rng.unit()
        if roll < 0.4 { return String(rng.int(in: 1...99)) }
        if roll < 0.6 { return String(rng.int(in: 100...9_999)) }
        if roll < 0.8 { return String(rng.int(in: 1950...2030)) }
        if roll < 0.9 { return "\(rng.int(in: 0...99)).\(rng.int(in: 1...9))" }
        return "\(rng.int(in: 1...99)),\(rng.int(in: 100...999))"
    }
}
