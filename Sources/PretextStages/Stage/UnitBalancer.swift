/// Spreads a step's units of work over its tasks.
///
/// Largest unit first onto the least-loaded task (ties: lowest rank), the classic LPT rule;
/// units of equal size keep their planned order. Deterministic for the same units and world
/// size, so a rerun gives every rank the same work.
public enum UnitBalancer {
    /// The units of each rank `0..<worldSize`, each rank's in planned order.
    public static func assign<Unit: StageUnit>(_ units: [Unit], worldSize: Int) -> [[Unit]] {
        var buckets = Array(repeating: [(index: Int, unit: Unit)](), count: worldSize)
        var loads = Array(repeating: Int64(0), count: worldSize)
        let order = units.indices.sorted { lhs, rhs in
            units[lhs].bytes != units[rhs].bytes ? units[lhs].bytes > units[rhs].bytes : lhs < rhs
        }
        for index in order {
            // `loads` is non-empty (worldSize >= 1), so `min` exists.
            let target = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            buckets[target].append((index, units[index]))
            loads[target] += max(units[index].bytes, 1)
        }
        // Within a task, read units in planned order (sequential, predictable I/O).
        return buckets.map { $0.sorted { $0.index < $1.index }.map(\.unit) }
    }
}
