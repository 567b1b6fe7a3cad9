import PretextCore
import PretextDedupe
import PretextStore

/// Phase 2 of exact repeated-content dedupe: for each hash range, merges every rank's sorted
/// runs, adds up each hash's counts (exactly), and writes the hashes counted more than
/// `max_repeats` times with their first occurrence. Units: the hash ranges; memory: one read
/// buffer per run.
struct RepeatedTotalsPhase: StagePhase {
    static let name = "totals"
    let settings: RepeatedContentSettings

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        let files = try work.files(phase: RepeatedCountPhase.name, worldSize: worldSize)
        return PhaseUnit.groups(of: files, count: settings.ranges(worldSize: worldSize), keyPrefix: "h")
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let files = try task.work.files(phase: RepeatedCountPhase.name, worldSize: task.worldSize)
        for unit in units {
            var merger = try task.work.merged(
                files.filter { $0.group == unit.index }, phase: RepeatedCountPhase.name, as: RepeatedUnitCount.self)
            let writer = try task.createFile(
                "repeated-h\(unit.index).bin", group: unit.index, of: RepeatedUnitCount.self)
            var distinct = 0
            var current: RepeatedUnitCount?
            while let record = try merger.next() {
                if current?.hash == record.hash {
                    current?.merge(record)
                    continue
                }
                if let total = current { try write(total, to: writer) }
                current = record
                distinct += 1
            }
            if let total = current { try write(total, to: writer) }
            task.register(try writer.finish())
            task.progress.add(documents: Int64(distinct), bytes: unit.bytes)
        }
    }

    private func write(_ total: RepeatedUnitCount, to writer: WorkFileWriter<RepeatedUnitCount>) throws {
        if total.count > UInt64(settings.maxRepeats) { try writer.append(total) }
    }
}
