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

    /// The next batch from the workers.
    func nextPrefetched() throws -> Batch {
        let outcome = startedPipeline().take()
        do {
            let batch = try outcome.batch.get()
            consumed = outcome.cursorAfter
            return batch
        } catch {
            stopPipeline()
            throw error
        }
    }

    private func startedPipeline() -> PrefetchPipeline {
        if let pipeline { return pipeline }
        let started = PrefetchPipeline(
            planner: planner, depth: max(configuration.prefetchBatches, configuration.workers), assembler: assembler,
            cache: cache)
        started.start(workers: configuration.workers)
        pipeline = started
        return started
    }

    /// Stops the workers; the batches they planned past the last one returned are planned again.
    func stopPipeline() {
        pipeline?.stop()
        pipeline = nil
        planner.reset(to: consumed)
    }
}
