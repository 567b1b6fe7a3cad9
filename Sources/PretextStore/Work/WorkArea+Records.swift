import PretextCore

extension WorkArea {
    /// A reader of `file`, one of the files phase `phase` wrote, checked against its manifest
    /// entry (size and header on open, checksum at the end).
    public func reader<Record: FixedWidthRecord>(
        of file: WorkFileInfo, phase: String, as type: Record.Type = Record.self
    ) throws -> WorkFileReader<Record> {
        try WorkFileReader<Record>(directory: directory(of: phase), info: file, phase: phase)
    }

    /// Calls `body` with every record of `files` (files phase `phase` wrote), file by file.
    public func forEachRecord<Record: FixedWidthRecord>(
        in files: [WorkFileInfo], phase: String, as type: Record.Type = Record.self, _ body: (Record) throws -> Void
    ) throws {
        for file in files {
            let reader = try reader(of: file, phase: phase, as: type)
            while let record = try reader.next() { try body(record) }
        }
    }

    /// One sorted stream of the records of `files`, each a sorted run phase `phase` wrote.
    public func merged<Record: FixedWidthRecord>(
        _ files: [WorkFileInfo], phase: String, as type: Record.Type = Record.self
    ) throws -> WorkFileMerger<Record> {
        try WorkFileMerger(files.map { try reader(of: $0, phase: phase, as: type) })
    }
}
