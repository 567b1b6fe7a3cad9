import PretextCore

/// Worker threads that assemble planned batches ahead of the consumer, with bounded memory.
///
/// The consumer submits plans (at most the prefetch depth ahead of what it has taken) and takes
/// results by sequence number, so batches come out in plan order whichever thread made them.
/// A batch is a function of its plan alone (`BatchAssembler`), so the output does not depend on
/// the number of threads. `stop()` lets each thread finish its batch and joins them all: no
/// thread outlives the loader.
///
/// `@unchecked Sendable`: every stored variable but `threads` is read and written with `lock`
/// held; `threads` is written by `start` and read by `stop`, both on the consumer's thread.
final class PrefetchPipeline: @unchecked Sendable {
    private let lock = ConditionLock()
    private var pending: [BatchPlan] = []
    private var results: [Int: Result<Batch, any Error>] = [:]
    private var stopping = false
    private var threads: [PlatformThread] = []

    /// Starts `workers` threads assembling with `assembler` through `cache`.
    func start(workers: Int, assembler: BatchAssembler, cache: FrameCache) {
        for _ in 0..<workers {
            threads.append(PlatformThread.start { [self] in work(assembler: assembler, cache: cache) })
        }
    }

    /// Hands a plan to the workers.
    func submit(_ plan: BatchPlan) {
        lock.withLock {
            pending.append(plan)
            lock.broadcast()
        }
    }

    /// The batch of plan `sequence`, waiting for it.
    /// - Throws: the error its assembly threw.
    func result(_ sequence: Int) throws -> Batch {
        let result = lock.withLock {
            while results[sequence] == nil { lock.wait() }
            return results.removeValue(forKey: sequence)!
        }
        return try result.get()
    }

    /// Stops the threads after their current batch and waits for them.
    func stop() {
        lock.withLock {
            stopping = true
            pending.removeAll()
            lock.broadcast()
        }
        for thread in threads { thread.join() }
        threads.removeAll()
    }

    /// A worker's loop: take a plan, assemble it, store the result.
    private func work(assembler: BatchAssembler, cache: FrameCache) {
        let frames = FrameReader(cache: cache)
        while let plan = takePlan() {
            let result = Result { try assembler.assemble(plan, frames: frames) }
            lock.withLock {
                results[plan.sequence] = result
                lock.broadcast()
            }
        }
    }

    private func takePlan() -> BatchPlan? {
        lock.withLock {
            while !stopping && pending.isEmpty { lock.wait() }
            return stopping ? nil : pending.removeFirst()
        }
    }
}
