import PretextLoader

/// A model the trainer can train, evaluate, probe and save: its parameters, a forward and
/// backward pass on a loader batch, and the Hugging Face files that describe it.
///
/// Models read the batch's tensors by field name (`input_ids`, `segment_ids`, `length` /
/// `attention_mask`, `masked_lm_positions`, `label`, `positions`, …) and throw
/// `.invalidConfiguration` naming the missing field when a batch lacks one they need.
/// Not thread safe: one training thread calls it; the kernels use both cores inside.
public protocol TrainableModel: AnyObject {
    /// Every parameter once (a tied weight once), in a fixed order: what the optimizer updates
    /// and the checkpoint stores.
    var parameters: [Parameter] { get }

    /// The Hugging Face `config.json` of this model.
    var configurationFile: any ModelConfigurationFile { get }

    /// Forward and backward pass on `batch`: adds the gradient of the batch's loss, multiplied
    /// by `gradientScale` (1/k when accumulating over k batches), into the parameters'
    /// gradients, and returns the batch's metrics (`loss` unscaled).
    func trainStep(_ batch: Batch, gradientScale: Float) throws -> Metrics

    /// Forward pass only: the batch's metrics.
    func evaluate(_ batch: Batch) throws -> Metrics

    /// One pooled embedding per row of `batch` (`[rows, hidden]`), for the linear probe.
    func embed(_ batch: Batch) throws -> Matrix
}
