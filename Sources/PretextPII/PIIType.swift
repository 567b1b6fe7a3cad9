/// A kind of personal data that `PIIDetector` finds.
///
/// The raw value is the stable name used in options, signals and reports.
public enum PIIType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// An e-mail address: `local@domain.tld`.
    case email
    /// An IPv4 address in dotted-quad form: `203.0.113.7`.
    case ipv4
    /// An IPv6 address, full or `::`-compressed, optionally ending in an IPv4 address.
    case ipv6
    /// A telephone number in an international or common national form.
    case phone
    /// A payment card number: 13–19 digits, Luhn-valid, with a known issuer prefix.
    case card

    /// The stable name: `email`, `ipv4`, `ipv6`, `phone`, `card`.
    public var description: String { rawValue }

    /// The bit of this type in a `PIITypeSet`.
    var bit: UInt8 {
        switch self {
        case .email: 1
        case .ipv4: 2
        case .ipv6: 4
        case .phone: 8
        case .card: 16
        }
    }
}
