/// The `dataset_meta` keys example stages write for the readers of their records (`pretext
/// cat`, the trainer), beside `RecordSchema.metaKey`.
public enum ExampleMetaKeys {
    /// The pair task the `label` field of `mlm` records holds: `nsp` or `sop`.
    public static let pairTask = "mlm_pair_task"
    /// The tokenized dataset the examples were made from, relative to the examples' folder
    /// (`../12-tokenize`): the documents the trainer's linear probe classifies.
    public static let documents = "examples_documents"
}
