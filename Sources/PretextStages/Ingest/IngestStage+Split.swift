import PretextCore
import PretextFormats
import PretextStore

extension IngestStage {
    /// The input files laid end to end and cut into one stretch per task (`ContiguousSplit`):
    /// a cut inside a plain JSONL file becomes a byte-range boundary (each range reads the
    /// lines that start in it), a cut inside any other file moves to the nearer end of the
    /// file, and so does a cut within `split_bytes` of a file's ends. With one task nothing is
    /// cut.
    public func planTasks(_ input: StageInput, worldSize: Int) throws -> [[IngestUnit]] {
        let units = try plan(input)
        guard worldSize > 1 else { return [units] }
        let sizes = units.map(\.fileSize)
        let total = sizes.reduce(0, +)
        // Only files larger than one task's share can be cut (others are never opened here).
        let splittable = units.map { $0.fileSize > total / Int64(worldSize) / 2 && $0.isSplittable }
        let pieces = ContiguousSplit.pieces(sizes: sizes, worldSize: worldSize) { item, offset in
            let size = sizes[item]
            guard splittable[item], offset >= splitBytes, size - offset >= splitBytes else {
                return offset * 2 < size ? 0 : size
            }
            return offset
        }
        return ContiguousSplit.tasks(pieces, worldSize: worldSize) { piece in
            let unit = units[piece.item]
            return piece.isWhole(size: sizes[piece.item]) ? unit : IngestUnit(work: unit.work, range: piece.range)
        }
    }
}

/// Where a task's byte ranges of split files start: `LineStart.locate` counts the lines
/// before a range, or, when the task read the range just before it, takes where that one
/// stopped (no second pass over the file).
struct RangeStarts {
    /// Per file: the end of the last range read and the line start after it.
    private var ends: [String: (end: Int64, next: LineStart)] = [:]

    /// The first line start in `range` of `file`, or `nil` when the file cannot be read
    /// (recorded as a file drop of the task).
    mutating func start(of range: Range<Int64>, in file: InputFile, task: StageTask) throws -> LineStart? {
        let known = ends[file.path]
        if let known, known.end == range.lowerBound { return known.next }
        do {
            return try LineStart.locate(atOrAfter: range.lowerBound, in: file.path, from: known?.next)
        } catch {
            try task.dropFile(
                DropRow(
                    reason: error.rejectReason.name, detail: error.message, input: file.path,
                    inputOffset: Int(error.compressedOffset)))
            return nil
        }
    }

    /// Notes where reading `range` of `file` stopped.
    mutating func finished(_ range: Range<Int64>, in file: InputFile, next: LineStart?) {
        guard let next else { return }
        ends[file.path] = (range.upperBound, next)
    }
}
