import Foundation
import PretextCore
import _PretextFileSystem

/// Submits a plan's jobs with `sbatch`, in order: each chunk of a task job as an array
/// (`--array=INDICES[%K]`, the chunk's offset as the script's argument), every job after the
/// first with `--dependency=afterok:` every job id of the job before it. The job ids go into
/// `plan.json` after each job, so a submission that fails half-way leaves a plan naming what
/// it submitted.
public struct SlurmSubmitter: Sendable {
    private let client: SlurmClient

    /// Creates a submitter using `client`.
    public init(client: SlurmClient = SlurmClient()) { self.client = client }

    /// Submits every job of `plan`, clearing the state files of the tasks it submits.
    ///
    /// - Parameter submitted: called after each job with the job and its ids.
    /// - Returns: the plan with its job ids and submission time.
    /// - Throws: `PretextError(.io)` when `sbatch` fails, naming the jobs already submitted
    ///   (their ids are in `plan.json`).
    public func submit(_ plan: SlurmPlan, submitted: (SlurmJob) -> Void = { _ in }) throws -> SlurmPlan {
        var plan = plan
        let directory = SlurmDirectory(output: plan.output)
        plan.submitted = ISO8601DateFormatter().string(from: Date())
        for index in plan.jobs.indices {
            try clearState(of: plan.jobs[index], in: directory)
            let dependency = index == 0 ? [] : Self.dependency(on: plan.jobs[index - 1])
            for chunk in plan.jobs[index].chunks.indices {
                do {
                    plan.jobs[index].chunks[chunk].jobID = try submit(
                        plan.jobs[index], chunk: chunk, dependency: dependency, directory: directory)
                } catch {
                    try plan.write(to: directory.planPath)
                    throw Self.partialFailure(error, plan: plan)
                }
            }
            try plan.write(to: directory.planPath)
            submitted(plan.jobs[index])
        }
        return plan
    }

    private func submit(_ job: SlurmJob, chunk: Int, dependency: [String], directory: SlurmDirectory) throws -> String {
        let part = job.chunks[chunk]
        var options = dependency
        var arguments: [String] = []
        if let spec = part.arraySpec(maxParallel: job.maxParallel) {
            options.append("--array=" + spec)
            arguments.append(String(part.offset))
        }
        return try client.submit(script: directory.script(job.name), options: options, arguments: arguments)
    }

    /// `--dependency=afterok:ID:ID…` on every submission of `job`.
    static func dependency(on job: SlurmJob) -> [String] {
        job.jobIDs.isEmpty ? [] : ["--dependency=afterok:" + job.jobIDs.joined(separator: ":")]
    }

    /// Removes the `.start` and `.exit` files the tasks of `job` left in an earlier submission.
    private func clearState(of job: SlurmJob, in directory: SlurmDirectory) throws {
        let ranks: [Int?] = job.kind == .tasks ? job.rankList : [nil]
        for rank in ranks {
            try FileSystem.removeFile(directory.startFile(job.name, rank: rank))
            try FileSystem.removeFile(directory.exitFile(job.name, rank: rank))
        }
    }

    private static func partialFailure(_ error: any Error, plan: SlurmPlan) -> any Error {
        let ids = plan.jobIDs
        guard !ids.isEmpty else { return error }
        let names = plan.jobs.filter { !$0.jobIDs.isEmpty }.map(\.name).joined(separator: ", ")
        return PretextError(
            .io,
            "\(error); submitted before the failure: \(names) (cancel them with `scancel \(ids.joined(separator: " "))`, "
                + "or let them run: they are recorded in plan.json)")
    }
}

extension SlurmPlan {
    /// The jobs of this plan that Slurm has not finished (queued, running, requeued), by job
    /// name and id; a submission over them would run their tasks twice.
    public func activeJobs(in queue: SlurmQueue) -> [(job: String, id: String)] {
        var active: [(job: String, id: String)] = []
        for job in jobs {
            for id in job.jobIDs where queue.entries(jobID: id).contains(where: \.isActive) {
                active.append((job.name, id))
            }
        }
        return active
    }
}
