import PretextCore

/// What a `PIIDetector` looks for and what it writes in replace and redact modes.
public struct PIIConfig: Sendable, Hashable {
    /// Which IP addresses count as personal data.
    public enum IPScope: String, Sendable, Hashable, CaseIterable, OptionChoice {
        /// Only globally routable addresses, as Python's `ipaddress.is_global` (3.11) decides
        /// (datatrove's default, `only_remove_public_ips=True`): private, loopback,
        /// link-local, shared (100.64/10), documentation, benchmarking and reserved ranges
        /// are left alone.
        case global
        /// Every syntactically valid address.
        case all
    }

    /// The detectors to run; default: all of them.
    public var types: PIITypeSet
    /// Which IP addresses count; default `.global`, as datatrove.
    public var ipScope: IPScope
    /// What `PIIMode.replace` writes; default `.tags`.
    public var placeholders: PIIPlaceholders
    /// What `PIIMode.redact` writes; default `.remove`.
    public var redaction: PIIRedaction

    /// Creates a configuration.
    public init(
        types: PIITypeSet = .all, ipScope: IPScope = .global, placeholders: PIIPlaceholders = .tags,
        redaction: PIIRedaction = .remove
    ) {
        self.types = types
        self.ipScope = ipScope
        self.placeholders = placeholders
        self.redaction = redaction
    }

    /// The default configuration: every type, global IPs only, tag placeholders.
    public static let `default` = PIIConfig()
}
