import PretextCore

/// How a family member was made from its family's source: the operations (applied in the
/// order edit, reorder, prepend, append) and the edit rate (0 without `edit`).
public struct VariantRecipe: Sendable, Equatable, Codable {
    /// The operations, empty for a source or a singleton.
    public var operations: [VariantOperation]
    /// The probability that a unit is edited, in the configured range (0 without `edit`).
    public var editRate: Double

    /// Creates a recipe.
    public init(operations: [VariantOperation], editRate: Double) {
        self.operations = operations
        self.editRate = editRate
    }

    /// The recipe of a source or a singleton: no operations.
    public static let original = VariantRecipe(operations: [], editRate: 0)

    /// Draws a variant's recipe: an exact copy with probability `exactCopyShare`; otherwise
    /// edits (85 %), a reorder (30 %) and boilerplate (30 %: before, after or both), at least one.
    static func draw(
        editRates: ClosedRange<Double>, exactCopyShare: Double, using rng: inout SplitMix64
    ) -> VariantRecipe {
        if rng.chance(exactCopyShare) { return VariantRecipe(operations: [.copy], editRate: 0) }
        var operations: [VariantOperation] = []
        if rng.chance(0.85) { operations.append(.edit) }
        if rng.chance(0.3) { operations.append(.reorder) }
        if rng.chance(0.3) { operations += boilerplate(using: &rng) }
        if operations.isEmpty { operations = [.edit] }
        let rate = operations.contains(.edit) ? drawRate(editRates, using: &rng) : 0
        return VariantRecipe(operations: operations, editRate: rate)
    }

    /// Before, after or both, uniformly.
    private static func boilerplate(using rng: inout SplitMix64) -> [VariantOperation] {
        rng.pick([[.prepend], [.append], [.prepend, .append]])
    }

    /// A uniform rate in `range`, rounded to 4 decimals.
    private static func drawRate(_ range: ClosedRange<Double>, using rng: inout SplitMix64) -> Double {
        (rng.double(in: range) * 10_000).rounded() / 10_000
    }
}
