import Foundation

/// Per-job results of the parallel writers (each job writes its own slot).
final class Counts: @unchecked Sendable {
    private var values: [Int]
    private let lock = NSLock()

    init(jobs: Int) { values = Array(repeating: 0, count: jobs) }

    func set(_ job: Int, _ value: Int) { lock.withLock { values[job] = value } }

    func get(_ job: Int) -> Int { lock.withLock { values[job] } }
}
