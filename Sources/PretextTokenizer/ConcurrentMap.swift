import PretextCore

/// The results of `body(0)`, …, `body(count − 1)`, each on its own thread (the last on the
/// caller's; `count` 1 runs on the caller's thread alone).
///
/// Threads of their own rather than `DispatchQueue.concurrentPerform`: training runs inside a
/// stage task that is itself an iteration of `concurrentPerform`, and libdispatch runs a nested
/// `concurrentPerform` on the calling thread only. The threads are joined before returning, so
/// nothing they hold outlives the call.
func concurrentMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return count == 1 ? [body(0)] : [] }
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = buffer
        withoutActuallyEscaping(body) { body in
            let threads = (0..<count - 1).map { index in
                // Each thread writes only its own slot; joining orders the writes before the reads.
                PlatformThread.start { slots[index] = body(index) }
            }
            slots[count - 1] = body(count - 1)
            for thread in threads { thread.join() }
        }
    }
    return results.map { $0! }
}
