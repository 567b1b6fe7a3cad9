#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with one or more condition variables (`pthread_mutex_t`, `pthread_cond_t`), for the
/// prefetch queue and the frame cache, whose threads wait for each other.
///
/// Both live in memory of their own (allocated once, never moved), as POSIX requires.
/// `@unchecked Sendable`: the pthread objects are the synchronization themselves.
final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let conditionCount: Int

    /// A mutex with `conditions` condition variables (numbered from 0), so that threads waiting
    /// for different things are woken separately.
    init(conditions: Int = 1) {
        precondition(conditions >= 1, "at least one condition")
        conditionCount = conditions
        self.conditions = .allocate(capacity: conditions)
        #if canImport(Glibc)
        // Adaptive: a thread finding the lock taken spins briefly before sleeping; the critical
        // sections here are a few dictionary operations, shorter than a sleep and wake-up.
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
        #else
        pthread_mutex_init(mutex, nil)
        #endif
        for index in 0..<conditions { pthread_cond_init(self.conditions + index, nil) }
    }

    deinit {
        for index in 0..<conditionCount { pthread_cond_destroy(conditions + index) }
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the mutex.
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Releases the mutex until another thread broadcasts, then holds it again; call only inside
    /// `withLock`, in a loop re-checking what is waited for (wake-ups may be spurious).
    func wait(_ condition: Int = 0) {
        precondition(condition >= 0 && condition < conditionCount, "a condition of this lock")
        pthread_cond_wait(conditions + condition, mutex)
    }

    /// Wakes every waiting thread.
    func broadcast(_ condition: Int = 0) {
        precondition(condition >= 0 && condition < conditionCount, "a condition of this lock")
        pthread_cond_broadcast(conditions + condition)
    }

    /// Wakes one thread waiting on `condition`.
    func signal(_ condition: Int = 0) {
        precondition(condition >= 0 && condition < conditionCount, "a condition of this lock")
        pthread_cond_signal(conditions + condition)
    }
}
