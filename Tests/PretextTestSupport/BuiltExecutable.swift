import Foundation

/// Executables of this package that `swift test` builds beside the test bundle.
public enum BuiltExecutable {
    /// The path of the executable `name` in the test bundle's build folder (or up to four
    /// folders above it), or `name` itself (found on `PATH`) when it is not there.
    public static func path(named name: String) -> String {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = (exe as NSString).deletingLastPathComponent
        for _ in 0..<4 {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return name
    }
}
