#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
                startThread { slots[index] = body(index) }
            }
            slots[count - 1] = body(count - 1)
            for thread in threads { joinThread(thread) }
        }
    }
    return results.map { $0! }
}

/// The work a started thread runs, handed over through an unmanaged pointer.
private final class ThreadWork {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

#if canImport(Glibc)
private typealias ThreadHandle = pthread_t
#else
private typealias ThreadHandle = pthread_t?
#endif

/// Starts a thread with an 8 MiB stack running `work`.
private func startThread(_ work: @escaping () -> Void) -> ThreadHandle {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, 8 << 20)
    let context = Unmanaged.passRetained(ThreadWork(work)).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let status = pthread_create(
        &thread, &attributes,
        { context in
            #if canImport(Glibc)
            let work = Unmanaged<ThreadWork>.fromOpaque(context!).takeRetainedValue()
            #else
            let work = Unmanaged<ThreadWork>.fromOpaque(context).takeRetainedValue()
            #endif
            work.run()
            return nil
        }, context)
    precondition(status == 0, "pthread_create failed with \(status)")
    return thread
}

private func joinThread(_ thread: ThreadHandle) {
    #if canImport(Glibc)
    pthread_join(thread, nil)
    #else
    pthread_join(thread!, nil)
    #endif
}
