import PretextCore

/// The text `PIIMode.replace` writes in place of each match, per type.
///
/// Each type has a list of replacements used in turn: the first match of a type in a text
/// gets the first entry, the next match the next, wrapping around (datatrove's
/// `PIIReplacer` cycles the same way). The cycle restarts for every text, so a document's
/// output never depends on which documents came before it.
public struct PIIPlaceholders: Sendable, Hashable {
    /// The replacements of each type, as UTF-8, indexed like `PIIType.allCases`.
    var table: [[[UInt8]]]

    /// Creates placeholders from a list of replacements per type.
    ///
    /// A type that is missing, or given an empty list, gets its `tags` placeholder.
    public init(_ replacements: [PIIType: [String]]) {
        table = PIIType.allCases.map { type in
            let list = replacements[type] ?? []
            return list.isEmpty ? [Array(Self.tag(type).utf8)] : list.map { Array($0.utf8) }
        }
    }

    /// Readable tags: `<EMAIL>`, `<IP>` (both IPv4 and IPv6), `<PHONE>`, `<CARD>`.
    public static let tags = PIIPlaceholders([:])

    /// datatrove `PIIFormatter`'s defaults: e-mails become `email@example.com` and
    /// `firstname.lastname@example.org` in turn, IPv4 addresses one of its six example
    /// addresses in turn. datatrove has no IPv6, phone or card replacement; those get the
    /// documentation address `2001:db8::1` (not a global address, so a second pass leaves
    /// it alone), `<PHONE>` and `<CARD>`.
    public static let datatrove = PIIPlaceholders([
        .email: ["email@example.com", "firstname.lastname@example.org"],
        .ipv4: [
            "22.214.171.124", "126.96.36.199", "188.8.131.52", "184.108.40.206", "220.127.116.11",
            "18.104.22.168",
        ],
        .ipv6: ["2001:db8::1"],
    ])

    /// The built-in styles, by the name options use (`placeholders: datatrove`).
    public enum Style: String, Sendable, CaseIterable, OptionChoice {
        /// `PIIPlaceholders.tags`.
        case tags
        /// `PIIPlaceholders.datatrove`.
        case datatrove

        /// The style's placeholders.
        public var placeholders: PIIPlaceholders {
            switch self {
            case .tags: .tags
            case .datatrove: .datatrove
            }
        }
    }

    /// The replacements used for `type`, in the order they are used.
    public func replacements(for type: PIIType) -> [String] {
        table[type.index].map { String(decoding: $0, as: UTF8.self) }
    }

    /// The readable tag of a type.
    static func tag(_ type: PIIType) -> String {
        switch type {
        case .email: "<EMAIL>"
        case .ipv4, .ipv6: "<IP>"
        case .phone: "<PHONE>"
        case .card: "<CARD>"
        }
    }
}

extension PIIType {
    /// The position of this type in `allCases`.
    var index: Int {
        switch self {
        case .email: 0
        case .ipv4: 1
        case .ipv6: 2
        case .phone: 3
        case .card: 4
        }
    }
}
