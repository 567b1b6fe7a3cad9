import PretextCore
import PretextPII
import PretextStore

/// Finds emails, IP addresses, phone numbers and card numbers, and counts, replaces or
/// redacts them. Counts per type always go to the catalog (`pii_email`, `pii_ipv4`,
/// `pii_ipv6`, `pii_phone`, `pii_card`); every document is kept. `docs/stages/pii.md`.
public struct PIIStage: DocumentStage {
    public static let descriptor = StageDescriptor(
        name: "pii",
        summary: "detect emails, IPs, phones, cards: count, replace with placeholders, or redact",
        options: [mode, types, ipScope, placeholders, mask],
        input: .dataset)

    /// `mode`: count, replace or redact.
    public static let mode = OptionKey<PIIMode>(
        "mode", default: .count, "count (signals only), replace (placeholders) or redact")
    /// `types`: the kinds of personal data looked for.
    public static let types = OptionKey<[String]>(
        "types", default: PIIType.allCases.map(\.rawValue), "which of email, ipv4, ipv6, phone, card to look for")
    /// `ip_scope`: which IP addresses count.
    public static let ipScope = OptionKey<PIIConfig.IPScope>(
        "ip_scope", default: .global,
        "global: only globally routable IPs (datatrove's default); all: every valid address")
    /// `placeholders`: the replacement style.
    public static let placeholders = OptionKey<PIIPlaceholders.Style>(
        "placeholders", default: .tags,
        "tags (<EMAIL>, <IP>, <PHONE>, <CARD>) or datatrove (example addresses)"
    ).only(when: mode, is: [.replace])
    /// `mask`: what redaction writes.
    public static let mask = OptionKey<String>(
        "mask", default: "", "redact mode: write this instead of removing the match"
    ).only(when: mode, is: [.redact])

    private let mode: PIIMode
    private let config: PIIConfig

    /// Creates the stage from checked options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for an unknown type name.
    public init(options: StageOptions) throws {
        mode = options[Self.mode]
        var types: [PIIType] = []
        for name in options[Self.types] {
            guard let type = PIIType(rawValue: name) else {
                let valid = PIIType.allCases.map(\.rawValue).joined(separator: ", ")
                throw PretextError(.invalidConfiguration, "pii: unknown type '\(name)'; valid types: \(valid)")
            }
            types.append(type)
        }
        let mask = options[Self.mask]
        config = PIIConfig(
            types: PIITypeSet(types),
            ipScope: options[Self.ipScope],
            placeholders: options[Self.placeholders].placeholders,
            redaction: mask.isEmpty ? .remove : .mask(mask))
    }

    /// A worker holding the detector and an output buffer.
    public func makeWorker() throws -> Worker { Worker(detector: PIIDetector(config), mode: mode) }

    /// In count mode the text is left as it is: only the `pii_*` columns are added.
    public var keepsDocumentsUnchanged: Bool { mode == .count }

    /// Scans one document at a time.
    public struct Worker: DocumentWorker {
        let detector: PIIDetector
        let mode: PIIMode
        private var output: [UInt8] = []

        init(detector: PIIDetector, mode: PIIMode) {
            self.detector = detector
            self.mode = mode
        }

        /// Records the counts; rewrites the text in replace and redact modes.
        public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            var text = document.text
            let counts: PIICounts
            if mode == .count {
                counts = text.withUTF8 { detector.counts(UnsafeRawBufferPointer($0)) }
            } else {
                output.removeAll(keepingCapacity: true)
                counts = text.withUTF8 { detector.apply(mode, to: UnsafeRawBufferPointer($0), into: &output) }
                if counts.total > 0 { document.text = String(decoding: output, as: UTF8.self) }
            }
            for type in PIIType.allCases {
                row.setSignal("pii_\(type.rawValue)", .integer(Int64(counts[type])))
            }
            return .keep
        }
    }
}
