/// A set of `PIIType`s: which detectors a `PIIDetector` runs.
public struct PIITypeSet: OptionSet, Sendable, Hashable {
    /// The bits of the set, one per `PIIType`.
    public let rawValue: UInt8

    /// Creates a set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Creates a set holding the given types.
    public init(_ types: some Sequence<PIIType>) {
        self.init(rawValue: types.reduce(0) { $0 | $1.bit })
    }

    /// E-mail addresses.
    public static let email = PIITypeSet(rawValue: PIIType.email.bit)
    /// IPv4 addresses.
    public static let ipv4 = PIITypeSet(rawValue: PIIType.ipv4.bit)
    /// IPv6 addresses.
    public static let ipv6 = PIITypeSet(rawValue: PIIType.ipv6.bit)
    /// IPv4 and IPv6 addresses.
    public static let ip: PIITypeSet = [.ipv4, .ipv6]
    /// Telephone numbers.
    public static let phone = PIITypeSet(rawValue: PIIType.phone.bit)
    /// Payment card numbers.
    public static let card = PIITypeSet(rawValue: PIIType.card.bit)
    /// Every type.
    public static let all: PIITypeSet = [.email, .ipv4, .ipv6, .phone, .card]
    /// What datatrove's `PIIFormatter` handles: e-mail and IPv4 addresses.
    public static let datatrove: PIITypeSet = [.email, .ipv4]

    /// Whether the set holds `type`.
    @inlinable
    public func contains(_ type: PIIType) -> Bool { rawValue & PIITypeSet(type).rawValue != 0 }

    /// The types in the set, in `PIIType.allCases` order.
    public var types: [PIIType] { PIIType.allCases.filter { contains($0) } }
}

extension PIITypeSet {
    /// The set holding one type.
    @usableFromInline
    init(_ type: PIIType) { self.init(rawValue: type.bit) }
}
