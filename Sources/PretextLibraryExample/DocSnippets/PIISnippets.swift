import PretextPII

/// The ```swift snippet of docs/stages/pii.md, compiled.
enum PIISnippets {
    /// docs/stages/pii.md: replacing an email and a phone number with tags.
    static func replace() -> (String, PIICounts) {
        let detector = PIIDetector(PIIConfig(placeholders: .tags))
        let (text, counts) = detector.apply(.replace, to: "请联系 zhang@example.com 或致电 +86 138 0013 8000。")
        // text   == "请联系 <EMAIL> 或致电 <PHONE>。"
        // counts == email=1 ipv4=0 ipv6=0 phone=1 card=0
        return (text, counts)
    }
}
