import PretextCore

/// What one task of a phase wrote: the phase's proof of completion for that rank.
///
/// Written atomically after every listed file is in place, as text:
/// ```
/// pretext-phase-manifest 1
/// phase<TAB>signatures
/// rank<TAB>0
/// world_size<TAB>4
/// file<TAB>NAME<TAB>GROUP<TAB>BYTES<TAB>RECORDS<TAB>XXH64
/// end<TAB>FILE-COUNT
/// ```
/// A manifest without its `end` line (or with another file count) is refused.
public struct PhaseManifest: Sendable, Equatable {
    /// The phase name.
    public var phase: String
    /// The rank that wrote it.
    public var rank: Int
    /// The world size of the run.
    public var worldSize: Int
    /// The files, in the order they were written.
    public var files: [WorkFileInfo]

    /// Creates a manifest.
    public init(phase: String, rank: Int, worldSize: Int, files: [WorkFileInfo]) {
        self.phase = phase
        self.rank = rank
        self.worldSize = worldSize
        self.files = files
    }

    static let firstLine = "pretext-phase-manifest 1"

    /// The manifest's text.
    var text: String {
        var lines = [Self.firstLine, "phase\t\(phase)", "rank\t\(rank)", "world_size\t\(worldSize)"]
        for file in files {
            lines.append("file\t\(file.name)\t\(file.group)\t\(file.bytes)\t\(file.records)\t\(file.checksum)")
        }
        lines.append("end\t\(files.count)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a manifest's text.
    ///
    /// - Throws: `PretextError(.corrupt)` naming `path` and the line for anything malformed.
    init(parsing text: String, path: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == Self.firstLine else {
            throw PretextError(.corrupt, "not a phase manifest", path: path, line: 1)
        }
        var fields: [String: String] = [:]
        var files: [WorkFileInfo] = []
        var ended = false
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if parts[0] == "file", parts.count == 6, let group = Int(parts[2]), let bytes = Int(parts[3]),
                let records = Int(parts[4])
            {
                files.append(
                    WorkFileInfo(
                        name: parts[1], group: group, bytes: bytes, records: records, checksum: parts[5], rank: -1))
            } else if parts[0] == "end", parts.count == 2, Int(parts[1]) == files.count {
                ended = true
            } else if parts.count == 2, ["phase", "rank", "world_size"].contains(parts[0]) {
                fields[parts[0]] = parts[1]
            } else {
                throw PretextError(.corrupt, "malformed manifest line", path: path, line: index + 1)
            }
        }
        guard ended, let phase = fields["phase"], let rank = fields["rank"].flatMap({ Int($0) }),
            let worldSize = fields["world_size"].flatMap({ Int($0) })
        else {
            throw PretextError(.corrupt, "incomplete phase manifest (no end line or missing fields)", path: path)
        }
        self.phase = phase
        self.rank = rank
        self.worldSize = worldSize
        self.files = files.map {
            var file = $0; file.rank = rank; return file
        }
    }
}
