import ArgumentParser
import Pretext

/// The exit codes `pretext` uses, documented in docs/cli.md.
enum ExitCodes {
    /// The run finished, and some input could not be read: records or files ingest rejected
    /// as unreadable (they are in `rejects/`). Drops by a stage's rules are success (0).
    static let unreadableInput = ExitCode(3)
    /// The run failed.
    static let failed = ExitCode.failure
    /// Bad flags, a bad pipeline file, or a thing named on the command line that does not
    /// exist (`PretextError` codes `.invalidConfiguration` and `.notFound`).
    static let usage = ExitCode.validationFailure

    /// Runs a command's work, turning its errors into the printed message and exit code of
    /// `report` (an `ExitCode` it throws passes through).
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let code as ExitCode {
            throw code
        } catch {
            throw report(error)
        }
    }

    /// Prints `error` the way users should see it and returns the matching exit code.
    static func report(_ error: any Error) -> ExitCode {
        if let error = error as? PretextError {
            StandardError.write("pretext: error: \(error)\n")
            return error.code == .invalidConfiguration || error.code == .notFound ? usage : failed
        }
        StandardError.write("pretext: error: \(error)\n")
        return failed
    }
}
