import PretextCore

/// Worker threads that plan and assemble batches ahead of the consumer, with bounded memory;
/// the consumer lends a hand while its next batch is not ready.
///
/// Workers take plans from one shared planner (under the lock: planning a batch is a few
/// hundred nanoseconds), assemble them, and store the batches by sequence number; the consumer
/// takes them in sequence order, so batches come out in plan order whichever thread made them.
/// A batch is a function of its plan alone (`BatchAssembler`), so the output does not depend on
/// the number of threads. `stop()` lets each thread finish its batch and joins them all: no
/// thread outlives the loader.
///
/// Bounded: no plan is taken more than `depth` batches past the consumer. Handing over costs
/// a lock and, when a thread sleeps, a wake-up of several microseconds, against some 50 µs to
/// assemble a batch of 32 short examples. So threads sleep as little as possible:
/// - a consumer whose next batch is not finished assembles the next plan itself while there
///   is room (it sleeps only when `depth` batches are in the workers' hands), and then takes
///   every consecutive finished batch in one go;
/// - workers that are `depth` ahead sleep until the consumer has taken half of that.
/// A trainer whose step is longer than a batch's assembly finds its batches ready and never
/// assembles one; a consumer that only reads batches gets one thread's more work.
///
/// `@unchecked Sendable`: every stored variable but `threads`, `taken`, `takenHead` and
/// `consumerFrames` is read and written with `lock` held; those four only on the consumer's
/// thread (`start`, `stop`, `take`).
final class PrefetchPipeline: @unchecked Sendable {
    /// The lock's conditions: room to plan (workers wait), a batch finished (the consumer waits).
    private enum Condition {
        static let room = 0
        static let batch = 1
    }

    /// A finished batch, or the error of its assembly, and the cursor after its plan.
    typealias Outcome = (batch: Result<Batch, any Error>, cursorAfter: LoaderCursor)

    /// What the consumer does next, decided under the lock.
    private enum ConsumerStep {
        case taken(wakeWorkers: Bool)
        case assemble(BatchPlan)
        case waited
    }

    /// How far past the consumer the workers plan at most.
    let depth: Int
    let assembler: BatchAssembler
    let cache: FrameCache
    private let lock = ConditionLock(conditions: 2)
    private var planner: BatchPlanner
    /// The sequence the consumer takes next.
    private var next: Int
    private var results: [Int: Outcome] = [:]
    /// Whether the consumer sleeps until batch `next` is stored.
    private var consumerWaits = false
    private var sleepingWorkers = 0
    private var stopping = false
    private var threads: [PlatformThread] = []
    /// Finished batches moved out of `results`, in order; `takenHead` is the first not yet
    /// returned. Consumer's thread only.
    private var taken: [Outcome] = []
    private var takenHead = 0
    /// The consumer's shard readers, for the batches it assembles. Consumer's thread only.
    private var consumerFrames: FrameReader?

    /// A pipeline continuing `planner`, planning at most `depth` (at least 1) batches ahead,
    /// assembling with `assembler` through `cache`.
    init(planner: BatchPlanner, depth: Int, assembler: BatchAssembler, cache: FrameCache) {
        self.planner = planner
        self.next = planner.sequence
        self.depth = max(1, depth)
        self.assembler = assembler
        self.cache = cache
    }

    /// Starts `workers` threads.
    func start(workers: Int) {
        for _ in 0..<workers {
            threads.append(PlatformThread.start { [self] in work() })
        }
    }

    /// The next batch and the cursor after it.
    func take() -> Outcome {
        if takenHead == taken.count {
            taken.removeAll(keepingCapacity: true)
            takenHead = 0
            takeFinishedRun()
        }
        takenHead += 1
        return taken[takenHead - 1]
    }

    /// Stops the threads after their current batch and waits for them.
    func stop() {
        lock.withLock {
            stopping = true
            lock.broadcast(Condition.room)
        }
        for thread in threads { thread.join() }
        threads.removeAll()
    }

    /// Moves the finished batches from `next` on into `taken` (at least one), assembling plans
    /// on this thread while the next batch is not finished and there is room.
    private func takeFinishedRun() {
        while true {
            switch lock.withLock({ consumerStep() }) {
            case .taken(let wakeWorkers):
                // Broadcast after unlocking, so the workers do not wake into a lock still held.
                if wakeWorkers { lock.broadcast(Condition.room) }
                return
            case .assemble(let plan):
                let frames = consumerFrames ?? FrameReader(cache: cache)
                consumerFrames = frames
                let batch = Result { try assembler.assemble(plan, frames: frames) }
                lock.withLock { store((batch, plan.cursorAfter), of: plan.sequence) }
            case .waited:
                continue
            }
        }
    }

    /// Under the lock: take the finished run if batch `next` is there; otherwise plan one to
    /// assemble if there is room; otherwise sleep until batch `next` is stored.
    private func consumerStep() -> ConsumerStep {
        if results[next] != nil {
            while let outcome = results.removeValue(forKey: next) {
                taken.append(outcome)
                next += 1
            }
            return .taken(wakeWorkers: sleepingWorkers > 0 && planner.sequence - next <= depth / 2)
        }
        if planner.sequence - next < depth { return .assemble(planner.next()) }
        consumerWaits = true
        lock.wait(Condition.batch)
        return .waited
    }

    /// A worker's loop: take a plan, assemble it, store the batch and take the next plan (one
    /// lock for both).
    private func work() {
        let frames = FrameReader(cache: cache)
        var plan = lock.withLock { nextPlan() }
        while let current = plan {
            let batch = Result { try assembler.assemble(current, frames: frames) }
            plan = lock.withLock {
                store((batch, current.cursorAfter), of: current.sequence)
                return nextPlan()
            }
        }
    }

    /// Stores an outcome, and wakes the consumer if it waits for this one. Called with the lock
    /// held. (The signal is sent here, not after unlocking: `nextPlan` may sleep first, and the
    /// consumer it would leave asleep is the one that makes room.)
    private func store(_ outcome: Outcome, of sequence: Int) {
        results[sequence] = outcome
        guard consumerWaits, sequence == next else { return }
        consumerWaits = false
        lock.signal(Condition.batch)
    }

    /// The next plan, once there is room for it; `nil` once stopping. Called with the lock held.
    private func nextPlan() -> BatchPlan? {
        while !stopping && planner.sequence - next >= depth {
            sleepingWorkers += 1
            lock.wait(Condition.room)
            sleepingWorkers -= 1
        }
        return stopping ? nil : planner.next()
    }
}
