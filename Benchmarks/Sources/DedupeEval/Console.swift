import Foundation

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints `message` to standard error and exits with status 1.
func fail(_ message: String) -> Never {
    printError(message)
    exit(1)
}
