extension PipelineStatus {
    /// The status for people: one line per step and per job, then every failed task with its
    /// log.
    ///
    /// ```
    /// out/quickstart: Slurm jobs submitted 2026-01-02T03:04:05Z; Slurm's queue read
    /// step 1 (ingest): merged (4 of 4 tasks)
    /// step 5 (dedupe): 0 of 4 tasks done, not merged; phases: signatures 4/4, buckets 3/4, clusters 0/4
    ///   job 05-dedupe.buckets (123): 3 done, 1 failed
    ///   job 05-dedupe.clusters (124): 4 not run
    /// failed tasks:
    ///   05-dedupe.buckets rank 3: exit status 1; log out/quickstart/slurm/logs/05-dedupe.buckets_123_3.out
    /// ```
    public var text: String {
        var lines = [headline]
        for step in steps {
            lines.append(line(for: step))
            lines += step.jobs.map { "  " + line(for: $0) }
        }
        if let training { lines.append(line(for: training)) }
        let failed = failedTasks
        if !failed.isEmpty {
            lines.append("failed tasks:")
            for (job, task) in failed {
                var text = "  " + job + (task.rank.map { " rank \($0)" } ?? "") + ": " + (task.detail ?? "failed")
                if let log = task.log { text += "; log \(log)" }
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var headline: String {
        guard hasPlan else { return "\(output): no Slurm plan (a local run): the catalogs' view" }
        var text =
            "\(output): " + (submitted.map { "Slurm jobs submitted \($0)" } ?? "Slurm plan written, not submitted")
        if submitted != nil {
            text +=
                queueRead ? "; Slurm's queue read" : "; Slurm's queue could not be read (running and pending unknown)"
        }
        return text
    }

    private func line(for step: Step) -> String {
        var text = "step \(step.index) (\(step.stage)): "
        guard let worldSize = step.worldSize else { return text + "not started" }
        if step.merged { return text + "merged (\(worldSize) of \(worldSize) tasks)" }
        if step.done == 0, step.phases.allSatisfy({ $0.done == 0 }) { return text + "not started (\(worldSize) tasks)" }
        text += "\(step.done) of \(worldSize) tasks done, not merged"
        if !step.phases.isEmpty {
            text += "; phases: " + step.phases.map { "\($0.name) \($0.done)/\(worldSize)" }.joined(separator: ", ")
        }
        return text
    }

    private func line(for job: Job) -> String {
        var text = "job \(job.name)"
        if !job.jobIDs.isEmpty { text += " (\(job.jobIDs.joined(separator: ", ")))" }
        if job.kind != .tasks, let task = job.tasks.first {
            return text + ": " + Self.word(task.state) + (task.detail.map { ", \($0)" } ?? "")
        }
        let counts = TaskState.allCases.compactMap { state -> String? in
            let count = job.count(state)
            return count == 0 ? nil : "\(count) \(Self.word(state))"
        }
        return text + ": " + counts.joined(separator: ", ")
    }

    private static func word(_ state: TaskState) -> String {
        state == .notRun ? "not run" : state.rawValue
    }
}
