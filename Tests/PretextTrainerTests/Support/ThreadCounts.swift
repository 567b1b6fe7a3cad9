@testable import PretextTrainer

/// Runs a computation on one thread and on two (both OpenBLAS and the trainer's own loops).
enum ThreadCounts {
    /// `body()` with 1 thread, then with 2; the settings are restored after.
    static func compare<T>(_ body: () -> T) -> (one: T, two: T) {
        let saved = (BLAS.threads, Parallel.threads)
        defer { (BLAS.threads, Parallel.threads) = saved }
        (BLAS.threads, Parallel.threads) = (1, 1)
        let one = body()
        (BLAS.threads, Parallel.threads) = (2, 2)
        return (one, body())
    }
}
