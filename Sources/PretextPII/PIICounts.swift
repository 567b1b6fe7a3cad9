/// How many matches of each `PIIType` a text holds.
///
/// These are the `pii` stage's signals; they add up across documents with `+=`.
public struct PIICounts: Sendable, Hashable, CustomStringConvertible {
    /// E-mail addresses.
    public var email = 0
    /// IPv4 addresses.
    public var ipv4 = 0
    /// IPv6 addresses.
    public var ipv6 = 0
    /// Telephone numbers.
    public var phone = 0
    /// Payment card numbers.
    public var card = 0

    /// Creates counts, zero unless given.
    public init(email: Int = 0, ipv4: Int = 0, ipv6: Int = 0, phone: Int = 0, card: Int = 0) {
        self.email = email
        self.ipv4 = ipv4
        self.ipv6 = ipv6
        self.phone = phone
        self.card = card
    }

    /// Counts the types of `matches`.
    public init(_ matches: some Sequence<PIIMatch>) {
        for match in matches { self[match.type] += 1 }
    }

    /// The count of one type.
    public subscript(type: PIIType) -> Int {
        get {
            switch type {
            case .email: email
            case .ipv4: ipv4
            case .ipv6: ipv6
            case .phone: phone
            case .card: card
            }
        }
        set {
            switch type {
            case .email: email = newValue
            case .ipv4: ipv4 = newValue
            case .ipv6: ipv6 = newValue
            case .phone: phone = newValue
            case .card: card = newValue
            }
        }
    }

    /// IPv4 plus IPv6 addresses.
    public var ip: Int { ipv4 + ipv6 }

    /// All matches of every type.
    public var total: Int { email + ipv4 + ipv6 + phone + card }

    /// Adds `other`'s counts to these, type by type.
    public static func += (lhs: inout PIICounts, rhs: PIICounts) {
        for type in PIIType.allCases { lhs[type] += rhs[type] }
    }

    /// The type-by-type sum of two counts.
    public static func + (lhs: PIICounts, rhs: PIICounts) -> PIICounts {
        var sum = lhs
        sum += rhs
        return sum
    }

    /// `email=1 ipv4=0 ipv6=0 phone=2 card=0`.
    public var description: String {
        PIIType.allCases.map { "\($0)=\(self[$0])" }.joined(separator: " ")
    }
}
