import PretextCore
import _PretextFileSystem

#if canImport(Glibc)
import Glibc
#endif

extension SlurmPlanner {
    /// Writes `OUTPUT/slurm/`: one batch script per job of `plan`, `plan.json`, and the
    /// `logs/` and `state/` folders. Scripts of jobs no longer in the plan are removed.
    ///
    /// - Parameters:
    ///   - plan: the plan.
    ///   - pipeline: its pipeline (the settings of each job).
    ///   - flags: the settings given on the command line.
    /// - Returns: the paths of the scripts, in job order.
    /// - Throws: `PretextError(.io)` when a file cannot be written; `.invalidConfiguration` for
    ///   a folder Slurm cannot name.
    @discardableResult
    public func write(_ plan: SlurmPlan, pipeline: PipelineFile, flags: SlurmSettings) throws -> [String] {
        let directory = SlurmDirectory(output: plan.output)
        try directory.create()
        let current = Set(plan.jobs.map { $0.name + ".sh" })
        for name in try FileSystem.listDirectory(directory.root) where name.hasSuffix(".sh") && !current.contains(name)
        {
            try FileSystem.removeFile(FileSystem.join(directory.root, name))
        }
        var paths: [String] = []
        for job in plan.jobs {
            let step = pipeline.steps.first { $0.index == job.step }
            let settings = pipeline.slurm.settings(for: step, flags: flags)
            let path = directory.script(job.name)
            try FileSystem.writeAtomically(
                Array(try SlurmScript(plan: plan, job: job, settings: settings).text().utf8), to: path)
            chmod(path, 0o755)
            paths.append(path)
        }
        try plan.write(to: directory.planPath)
        return paths
    }
}
