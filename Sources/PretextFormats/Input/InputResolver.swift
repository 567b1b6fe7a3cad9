import Foundation
import PretextCore
import _PretextFileSystem

/// A file that input resolution saw but did not take, and why.
public struct SkippedInput: Sendable, Equatable {
    /// The file (or directory) skipped.
    public var path: String
    /// Why, e.g. `unknown extension` or `hidden`.
    public var reason: String

    /// Creates a skipped-input entry.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The reason of a hidden entry (`.name`) in a walked directory.
    public static let hiddenReason = "hidden"

    /// Whether the entry is hidden (`.name`): skipped on purpose, like `.git` or an editor's
    /// swap file, so not a problem with the input.
    public var isHidden: Bool { reason == Self.hiddenReason }
}

/// The outcome of resolving inputs: the files to read, sorted by path, and what was skipped.
public struct InputResolution: Sendable, Equatable {
    /// The files to read, sorted by path (byte order), without duplicates.
    public var files: [InputFile]
    /// Files found under directories or by globs that are not inputs, sorted by path.
    public var skipped: [SkippedInput]
}

/// Turns the user's input arguments — paths, globs, directories — into input files.
///
/// - A file is taken as is; its format comes from its extension (see
///   `InputFormat.fromFileName`) unless `format` overrides it. A named file whose format
///   cannot be told is an error.
/// - A directory is walked recursively; hidden entries (`.name`) and files with unknown
///   extensions are skipped and listed in `skipped`. With an explicit `format`, every
///   non-hidden file is taken.
/// - A pattern with `*`, `?` or `[` is expanded with POSIX `glob(3)`; `**` matches any
///   number of directories (`data/**/*.jsonl.zst`). Matched directories are walked.
/// - A missing path or a pattern matching nothing is an error naming it.
///
/// Files are sorted by path so that every run (and every rank) sees the same order.
public struct InputResolver: Sendable {
    /// The format forced on every file, or `nil` to decide by extension.
    public var format: InputFormat?

    /// Creates a resolver.
    /// - Parameter format: a format for every file, overriding extensions.
    public init(format: InputFormat? = nil) {
        self.format = format
    }

    /// Resolves `inputs` (paths, directories, globs).
    /// - Throws: `PretextError` `.notFound` for a missing path, an empty glob, or no input
    ///   files at all; `.invalidConfiguration` for a named file of unknown format.
    public func resolve(_ inputs: [String]) throws(PretextError) -> InputResolution {
        var collector = Collector(format: format)
        for input in inputs {
            if InputResolver.isPattern(input) {
                let matches = InputResolver.expand(pattern: input)
                guard !matches.isEmpty else { throw InputResolver.noMatch(input) }
                for match in matches { try collector.add(match, named: false) }
            } else {
                try collector.add(input, named: true)
            }
        }
        let files = collector.files.values.sorted { $0.path < $1.path }
        guard !files.isEmpty else {
            throw PretextError(
                .notFound,
                "no input files found in \(inputs.joined(separator: ", ")) (\(collector.skipped.count) skipped: unknown extensions or hidden); pass a format to take every file"
            )
        }
        return InputResolution(files: files, skipped: collector.skipped.sorted { $0.path < $1.path })
    }

    /// Checks that `input` names something to read, without walking it: a path that exists,
    /// or a pattern that matches at least one path. `PipelineRunner` calls this for every
    /// input before a run writes anything.
    ///
    /// - Throws: `PretextError(.notFound)` naming `input`, with the message `resolve` gives.
    public static func checkExists(_ input: String) throws(PretextError) {
        if isPattern(input) {
            guard !expand(pattern: input).isEmpty else { throw noMatch(input) }
        } else if FileSystem.entry(at: input) == nil {
            throw missing(input)
        }
    }

    /// The error for a pattern that matches nothing.
    static func noMatch(_ pattern: String) -> PretextError {
        PretextError(
            .notFound, "the pattern matched no files; check the pattern and quote it so the shell does not expand it",
            path: pattern)
    }

    /// The error for a path that does not exist.
    static func missing(_ path: String) -> PretextError {
        PretextError(.notFound, "input path does not exist or cannot be read", path: path)
    }

    /// Whether `input` contains glob metacharacters.
    static func isPattern(_ input: String) -> Bool {
        input.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }
}

/// Accumulates the files and skipped entries of one resolution.
private struct Collector {
    let format: InputFormat?
    var files: [String: InputFile] = [:]
    var skipped: [SkippedInput] = []

    mutating func add(_ path: String, named: Bool) throws(PretextError) {
        guard let entry = FileSystem.entry(at: path) else { throw InputResolver.missing(path) }
        if entry.kind == .directory {
            walk(directory: path)
        } else {
            try addFile(path, size: entry.size, named: named)
        }
    }

    mutating func addFile(_ path: String, size: Int64, named: Bool) throws(PretextError) {
        let name = (path as NSString).lastPathComponent
        guard let format = format ?? InputFormat.fromFileName(name) else {
            if named {
                throw PretextError(
                    .invalidConfiguration,
                    "cannot tell the format from the extension; name a format (jsonl, text, warc, wet: 'format:' in the pipeline's inputs entry, --input-set format=… with pretext stage) or use .jsonl/.ndjson/.json, .txt/.md, .warc, .wet (optionally .gz/.zst)",
                    path: path)
            }
            skipped.append(SkippedInput(path: path, reason: "unknown extension"))
            return
        }
        let ext = (name as NSString).pathExtension
        files[path] = InputFile(path: path, format: format, compression: .fromExtension(ext), size: size)
    }

    mutating func walk(directory: String) {
        for name in (try? FileSystem.listDirectory(directory)) ?? [] {
            let path = FileSystem.join(directory, name)
            if name.hasPrefix(".") {
                skipped.append(SkippedInput(path: path, reason: SkippedInput.hiddenReason))
                continue
            }
            guard let entry = FileSystem.entry(at: path) else {
                skipped.append(SkippedInput(path: path, reason: "cannot stat"))
                continue
            }
            switch entry.kind {
            case .directory: walk(directory: path)
            case .regularFile: try? addFile(path, size: entry.size, named: false)
            case .other: skipped.append(SkippedInput(path: path, reason: "not a regular file"))
            }
        }
    }
}
