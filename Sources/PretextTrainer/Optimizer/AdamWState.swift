/// Everything `AdamW` needs to continue exactly where it stopped: the number of steps taken and
/// each parameter's moments, by parameter name.
///
/// Plain values, so a checkpoint can store them (`AdamWState+Safetensors.swift`) and a resumed
/// run can hand them to `AdamW.restore(_:)`.
public struct AdamWState: Sendable, Equatable {
    /// The number of updates taken (torch's `step`; the next update is step `step + 1`).
    public var step: Int
    /// The moments of each parameter, by its name.
    public var moments: [String: AdamWMoments]

    /// A state after `step` updates with the given moments.
    public init(step: Int, moments: [String: AdamWMoments]) {
        self.step = step
        self.moments = moments
    }
}
