/// Buckets of edit rate for per-bucket recall: 0, 1–10 %, 10–20 %, 20–30 % (and above).
public enum EditRateBucket: String, Sendable, Codable, CaseIterable {
    /// Not edited: sources, exact copies, reordered or boilerplate-only variants.
    case none = "0%"
    /// 0 < rate ≤ 0.10.
    case upTo10 = "1-10%"
    /// 0.10 < rate ≤ 0.20.
    case upTo20 = "10-20%"
    /// 0.20 < rate (the default rates stop at 0.30).
    case above20 = "20-30%"

    /// The bucket of `editRate`.
    public init(editRate: Double) {
        switch editRate {
        case ...0: self = .none
        case ...0.10: self = .upTo10
        case ...0.20: self = .upTo20
        default: self = .above20
        }
    }
}
