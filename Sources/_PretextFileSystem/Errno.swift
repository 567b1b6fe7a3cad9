#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system error code (`errno`), the middle layer between a raw call and a thrown
/// `PretextError`: functions that return `Result<_, Errno>` let callers word their own message
/// (swift-system's `Errno` plays the same part).
package struct Errno: Error, Equatable, Sendable {
    /// The raw code.
    package let code: Int32

    /// Wraps a code.
    package init(_ code: Int32) { self.code = code }

    /// The calling thread's current `errno`.
    package static var current: Errno { Errno(errno) }

    /// The system's text for the code (`strerror`).
    package var text: String { String(cString: strerror(code)) }

    /// No such file or directory.
    package static let noSuchFile = Errno(ENOENT)
    /// Interrupted by a signal.
    package static let interrupted = Errno(EINTR)
}

/// Repeats a system call while it fails with `EINTR`; the one retry loop of the project.
@inline(__always)
package func retryingEINTR<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}

/// The text of the current `errno`.
package func errnoText() -> String {
    Errno.current.text
}
