extension RejectReason {
    /// The reasons `ingest` gives for records it read whole and dropped by a configured limit
    /// (a rule, like a filter's): everything else ingest rejects is input it could not read.
    public static let ingestLimits: Set<RejectReason> = [.emptyText, .tooLarge]

    /// Whether a drop for this reason by `stage` means the input could not be read: an
    /// ingest rejection other than `ingestLimits` (bad UTF-8 or JSON, a damaged or truncated
    /// file, a malformed WARC record, an unsupported format or encoding…). Drops by a filter's
    /// rules (quality, dedupe, language) are not: `pretext` exits 3 only for these.
    public func meansUnreadableInput(stage: String) -> Bool {
        stage == "ingest" && !Self.ingestLimits.contains(self)
    }
}
