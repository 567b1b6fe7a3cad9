extension FileSystem {
    /// The path of `target` relative to the directory `base` (`../12-tokenize`), both resolved
    /// with `canonicalPath` first; `nil` when either does not exist.
    package static func relativePath(of target: String, from base: String) -> String? {
        guard let target = canonicalPath(target), let base = canonicalPath(base) else { return nil }
        let targetParts = target.split(separator: "/", omittingEmptySubsequences: true)
        let baseParts = base.split(separator: "/", omittingEmptySubsequences: true)
        var shared = 0
        while shared < min(targetParts.count, baseParts.count), targetParts[shared] == baseParts[shared] {
            shared += 1
        }
        let ups = Array(repeating: "..", count: baseParts.count - shared)
        let parts = ups + targetParts[shared...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
