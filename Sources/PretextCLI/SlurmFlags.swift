import ArgumentParser
import Pretext

/// The settings flags of `pretext slurm`: the highest level of the Slurm settings, above the
/// pipeline's `execution.slurm` (docs/scale-out.md).
struct SlurmFlags: ParsableArguments {
    @Option(help: "Array tasks per step: the world size (default: execution.slurm.tasks, else execution.workers).")
    var tasks: Int?

    @Option(help: "The Slurm partition.")
    var partition: String?

    @Option(help: "The Slurm account.")
    var account: String?

    @Option(name: .customLong("cpus-per-task"), help: "CPUs of each task (default 1).")
    var cpusPerTask: Int?

    @Option(help: "Memory of each task, as Slurm writes it (8G).")
    var mem: String?

    @Option(help: "Time limit of each task (1:00:00, 2-00:00:00).")
    var time: String?

    @Option(name: .customLong("max-parallel"), help: "Tasks of one array running at once (the %K throttle).")
    var maxParallel: Int?

    @Flag(
        inversion: .prefixedNo,
        help: "Requeue a task warned of its time limit or preemption (a USR1 signal --signal-seconds before).")
    var requeue: Bool?

    @Option(name: .customLong("signal-seconds"), help: "Seconds before the time limit that a task is warned (120).")
    var signalSeconds: Int?

    func validate() throws {
        let bounded: [(String, Int?, ClosedRange<Int>)] = [
            ("--tasks", tasks, 1...100_000), ("--cpus-per-task", cpusPerTask, 1...4096),
            ("--max-parallel", maxParallel, 1...100_000), ("--signal-seconds", signalSeconds, 1...65_535),
        ]
        for (flag, value, range) in bounded {
            if let value, !range.contains(value) {
                throw ValidationError("\(flag) must be in \(range.lowerBound)…\(range.upperBound)")
            }
        }
        let texts: [(OptionKey<String>, String?)] = [
            (SlurmSettings.partition, partition), (SlurmSettings.account, account), (SlurmSettings.mem, mem),
            (SlurmSettings.time, time),
        ]
        for (key, value) in texts {
            if let problem = SlurmSettings.problem(with: value.map(OptionValue.string), named: key.spec.name) {
                throw ValidationError("--\(key.spec.name): \(problem)")
            }
        }
    }

    /// The flags as the highest level of settings.
    var settings: SlurmSettings {
        var settings = SlurmSettings()
        settings.set(SlurmSettings.tasks, tasks)
        settings.set(SlurmSettings.partition, partition)
        settings.set(SlurmSettings.account, account)
        settings.set(SlurmSettings.cpusPerTask, cpusPerTask)
        settings.set(SlurmSettings.mem, mem)
        settings.set(SlurmSettings.time, time)
        settings.set(SlurmSettings.maxParallel, maxParallel)
        settings.set(SlurmSettings.requeue, requeue)
        settings.set(SlurmSettings.signalSeconds, signalSeconds)
        return settings
    }
}
