/// One `sbatch` submission of a job: for a task job, one job array covering ranks
/// `offset ..< offset + MaxArraySize` (array indices start at 0, the batch script adds
/// `offset`); for a merge or training job, the one plain job.
public struct SlurmChunk: Sendable, Equatable, Codable {
    /// What the script adds to `SLURM_ARRAY_TASK_ID` to get the rank.
    public var offset: Int
    /// The array indices (`0-999`, or `3,7` for the tasks a resubmission redoes); `nil` for a
    /// job that is not an array.
    public var indices: String?
    /// The job id `sbatch` gave it, once submitted.
    public var jobID: String?

    /// Creates a chunk.
    public init(offset: Int = 0, indices: String? = nil, jobID: String? = nil) {
        self.offset = offset
        self.indices = indices
        self.jobID = jobID
    }

    enum CodingKeys: String, CodingKey {
        case offset, indices
        case jobID = "job_id"
    }

    /// The ranks this chunk runs (empty for a job that is not an array).
    public var ranks: [Int] {
        (indices.flatMap(SlurmIndexList.values) ?? []).map { $0 + offset }
    }

    /// The `--array` value: the indices, then `%K` when at most `maxParallel` may run at once.
    public func arraySpec(maxParallel: Int?) -> String? {
        guard let indices else { return nil }
        return indices + (maxParallel.map { "%\($0)" } ?? "")
    }

    /// The chunks for `ranks` when array indices must stay below `maxArraySize`: chunk `c`
    /// covers ranks `[c × maxArraySize, (c + 1) × maxArraySize)`; chunks without ranks are left
    /// out.
    ///
    /// - Precondition: `maxArraySize >= 1`.
    public static func split(ranks: [Int], maxArraySize: Int) -> [SlurmChunk] {
        let groups = Dictionary(grouping: Set(ranks), by: { $0 / maxArraySize })
        return groups.keys.sorted().map { group in
            let offset = group * maxArraySize
            return SlurmChunk(offset: offset, indices: SlurmIndexList.text((groups[group] ?? []).map { $0 - offset }))
        }
    }
}
