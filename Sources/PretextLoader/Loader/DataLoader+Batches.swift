import PretextCore
import PretextStore

extension DataLoader {
    /// The next batch, assembled on the caller's thread (`workers` 0).
    func nextOnThisThread() throws -> Batch {
        let plan = planner.next()
        do {
            let frames = localFrames ?? FrameReader(cache: cache)
            localFrames = frames
            let batch = try assembler.assemble(plan, frames: frames)
            consumed = plan.cursorAfter
            return batch
        } catch {
            planner.reset(to: consumed)
            throw error
        }
    }

    /// The next batch from the workers, after topping their queue up to the prefetch depth.
    func nextPrefetched() throws -> Batch {
        let pipeline = startedPipeline()
        let depth = max(configuration.prefetchBatches, configuration.workers)
        while inFlight.count < depth {
            let plan = planner.next()
            inFlight.append(plan)
            pipeline.submit(plan)
        }
        let plan = inFlight.removeFirst()
        do {
            let batch = try pipeline.result(plan.sequence)
            consumed = plan.cursorAfter
            return batch
        } catch {
            stopPipeline()
            throw error
        }
    }

    private func startedPipeline() -> PrefetchPipeline {
        if let pipeline { return pipeline }
        let started = PrefetchPipeline()
        started.start(workers: configuration.workers, assembler: assembler, cache: cache)
        pipeline = started
        return started
    }

    /// Stops the workers and forgets the batches planned past the last one returned.
    func stopPipeline() {
        pipeline?.stop()
        pipeline = nil
        inFlight.removeAll()
        planner.reset(to: consumed)
    }
}
