extension Duration {
    /// The duration in seconds, as a `Double` (for rates: bytes, examples or tokens per second).
    public var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
