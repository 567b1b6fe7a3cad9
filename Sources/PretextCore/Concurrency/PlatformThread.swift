#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread of the package's own, started with an 8 MiB stack and joined explicitly.
///
/// Threads of their own rather than Dispatch where work blocks for long (waiting on a queue) or
/// runs inside a `DispatchQueue.concurrentPerform` iteration (libdispatch runs a nested
/// `concurrentPerform` on the calling thread only). Package access: a helper, not API.
package struct PlatformThread {
    #if canImport(Glibc)
    private let handle: pthread_t
    #else
    private let handle: pthread_t?
    #endif

    /// Starts a thread running `work`.
    ///
    /// `work` is not required to be `@Sendable` (`concurrentMap` hands each thread a slot of one
    /// buffer): the caller guarantees that what it captures is safe to use from the new thread.
    ///
    /// Stops the process if the system refuses a thread (`pthread_create` fails only when
    /// resources are exhausted; nothing sensible can continue).
    package static func start(_ work: @escaping () -> Void) -> PlatformThread {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        // Retained here, released by the thread once it has taken the work.
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
        return PlatformThread(handle: thread)
    }

    /// Waits for the thread to finish.
    package func join() {
        #if canImport(Glibc)
        pthread_join(handle, nil)
        #else
        pthread_join(handle!, nil)
        #endif
    }
}

/// The work a started thread runs, handed over through an unmanaged pointer.
private final class ThreadWork {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
