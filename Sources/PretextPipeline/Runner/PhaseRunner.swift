import Dispatch
import PretextCore
import PretextStages
import PretextStore
import Synchronization

/// Runs the phases of a `PhasedStage` before its final pass.
///
/// Each phase: plan its units, balance them over the world size, run this process's ranks
/// that have no manifest yet (threads), write each finished rank's manifest. A phase whose
/// ranks are not all finished (other processes still running) stops the step.
struct PhaseRunner {
    let step: Int
    let stage: String
    let settings: RunSettings

    /// Runs `phases` in order.
    ///
    /// - Returns: `nil` when every phase is complete; otherwise what the step waits for.
    func run(
        _ phases: [any StagePhase], work: WorkArea, ranks: [Int], worldSize: Int, finished: Set<Int>
    ) throws -> String? {
        if finished.count == worldSize { return nil }
        for phase in phases {
            try work.createDirectory(of: phase.name)
            let pending = try ranks.filter { try work.manifest(phase: phase.name, rank: $0) == nil }
            if !pending.isEmpty { try run(phase, ranks: pending, work: work, worldSize: worldSize) }
            let missing = try work.missingRanks(phase: phase.name, worldSize: worldSize)
            if !missing.isEmpty {
                let list = missing.map(String.init).joined(separator: ", ")
                return "phase '\(phase.name)' of step \(step) \(stage) waits for ranks \(list)"
            }
        }
        return nil
    }

    /// Runs only the phase `name` of `phases` for those of `ranks` that have not finished it
    /// (`--phase`), once every rank has finished the phases before it. Does nothing when the
    /// step is done (`finished` holds every rank) or has no such phase for this input (the
    /// audit's history, when the input is empty).
    ///
    /// - Returns: the ranks that ran the phase now.
    /// - Throws: `PretextError(.notFound)` naming the earlier phase and the ranks that have not
    ///   finished it; a task's error.
    func runOnly(
        _ name: String, of phases: [any StagePhase], work: WorkArea, ranks: [Int], worldSize: Int,
        finished: Set<Int>
    ) throws -> [Int] {
        guard finished.count < worldSize, let index = phases.firstIndex(where: { $0.name == name }) else {
            return []
        }
        for earlier in phases[..<index] {
            let missing = try work.missingRanks(phase: earlier.name, worldSize: worldSize)
            guard missing.isEmpty else {
                throw PretextError(
                    .notFound,
                    "phase '\(name)' of step \(step) (\(stage)) reads phase '\(earlier.name)', which ranks "
                        + "\(DatasetMerger.describe(missing)) of \(worldSize) have not finished: run them first",
                    path: work.directory(of: earlier.name))
            }
        }
        let phase = phases[index]
        try work.createDirectory(of: phase.name)
        let pending = try ranks.filter { try work.manifest(phase: phase.name, rank: $0) == nil }
        if !pending.isEmpty { try run(phase, ranks: pending, work: work, worldSize: worldSize) }
        return pending
    }

    private func run(_ phase: any StagePhase, ranks: [Int], work: WorkArea, worldSize: Int) throws {
        let units = try phase.units(work: work, worldSize: worldSize)
        let assignment = UnitBalancer.assign(units, worldSize: worldSize)
        let progress = Progress(
            label: "step \(step) \(stage) \(phase.name)", totalBytes: units.reduce(0) { $0 + $1.bytes },
            style: settings.progressStyle)
        let failures = Mutex<[Int: any Error]>([:])
        DispatchQueue.concurrentPerform(iterations: ranks.count) { index in
            let rank = ranks[index]
            do {
                let task = PhaseTask(
                    phase: phase.name, rank: rank, worldSize: worldSize, work: work, progress: progress)
                try phase.run(assignment[rank], in: task)
                try work.writeManifest(task.manifest)
            } catch {
                failures.withLock { $0[rank] = error }
            }
        }
        progress.finish()
        try failures.withLock { failures in
            if let rank = failures.keys.min() { throw failures[rank]! }
        }
    }
}
