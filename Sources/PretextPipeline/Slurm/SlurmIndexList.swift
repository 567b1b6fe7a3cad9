/// Sets of array indices or ranks written as Slurm writes them: `0-3,7,9-10`.
public enum SlurmIndexList {
    /// `values` (any order, duplicates allowed) as ascending runs: `[0, 1, 2, 3, 7]` → `0-3,7`.
    public static func text(_ values: [Int]) -> String {
        var runs: [String] = []
        var sorted = Array(Set(values)).sorted()[...]
        while let first = sorted.first {
            var last = first
            sorted = sorted.dropFirst()
            while sorted.first == last + 1 {
                last += 1
                sorted = sorted.dropFirst()
            }
            runs.append(first == last ? "\(first)" : "\(first)-\(last)")
        }
        return runs.joined(separator: ",")
    }

    /// The values of `text` (`0-3,7`), ascending; a `%K` throttle suffix is ignored. `nil`
    /// when the text is not such a list.
    public static func values(_ text: String) -> [Int]? {
        let list = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if list.isEmpty { return [] }
        var values: [Int] = []
        for run in list.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = run.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count <= 2, let low = Int(ends[0]), let high = Int(ends[ends.count - 1]), low >= 0, low <= high
            else { return nil }
            values += low...high
        }
        return Array(Set(values)).sorted()
    }
}
