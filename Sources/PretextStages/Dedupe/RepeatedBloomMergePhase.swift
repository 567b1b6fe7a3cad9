import PretextCore
import PretextDedupe
import PretextStore

/// Phase 2 of repeated-content dedupe with `counting: bloom`: for each counter range, adds up
/// every rank's counters by saturating addition (the order does not matter) and writes the
/// merged range. Units: the counter ranges; memory: one range.
struct RepeatedBloomMergePhase: StagePhase {
    static let name = "bloom_totals"
    let settings: RepeatedContentSettings

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        let files = try work.files(phase: RepeatedBloomPhase.name, worldSize: worldSize)
        return PhaseUnit.groups(of: files, count: settings.ranges(worldSize: worldSize), keyPrefix: "c")
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let files = try task.work.files(phase: RepeatedBloomPhase.name, worldSize: task.worldSize)
        let ranges = settings.ranges(worldSize: task.worldSize)
        for unit in units {
            let blocks = settings.bloomShape.blockRange(part: unit.index, of: ranges).count
            var sums = [RepeatedCounterBlock](repeating: RepeatedCounterBlock(counters: .zero), count: blocks)
            for file in files where file.group == unit.index {
                try add(file, blocks: blocks, into: &sums, work: task.work)
            }
            let writer = try task.createFile(
                "merged-c\(unit.index).bin", group: unit.index, of: RepeatedCounterBlock.self)
            try writer.append(contentsOf: sums)
            task.register(try writer.finish())
            task.progress.add(documents: 0, bytes: unit.bytes)
        }
    }

    /// Adds one rank's counters of a range into `sums`.
    ///
    /// - Throws: `PretextError(.corrupt)` when the file is damaged or holds another number of
    ///   blocks than the range.
    private func add(_ file: WorkFileInfo, blocks: Int, into sums: inout [RepeatedCounterBlock], work: WorkArea) throws
    {
        let directory = work.directory(of: RepeatedBloomPhase.name)
        guard file.records == blocks else {
            throw PretextError(
                .corrupt,
                "Bloom counters of rank \(file.rank) hold \(file.records) blocks where the range has \(blocks); "
                    + "rerun the step with --overwrite",
                path: directory + "/" + file.name)
        }
        let reader = try work.reader(of: file, phase: RepeatedBloomPhase.name, as: RepeatedCounterBlock.self)
        for index in 0..<blocks {
            guard let block = try reader.next() else { break }
            sums[index].formSaturatingSum(with: block)
        }
        // Read past the end so that the file's checksum is checked.
        _ = try reader.next()
    }
}
