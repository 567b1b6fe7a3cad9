/// The `dataset_meta` keys example stages write for the readers of their records (`pretext
/// cat`, the trainer), beside `RecordSchema.metaKey`.
public enum ExampleMetaKeys {
    /// The pair task the `label` field of `mlm` records holds: `nsp` or `sop`.
    public static let pairTask = "mlm_pair_task"
}
