import PretextCore
import _PretextFileSystem

/// Checks a dataset against its catalog.
///
/// First the catalog itself: SQLite's `PRAGMA integrity_check` and `foreign_key_check`, then
/// its rows against its shards (no document or drop row pointing at a missing shard or one of
/// the wrong kind; every shard's `records` equal to the rows locating records in it). For every
/// shard in the catalog: its path stays inside the dataset folder (relative, under `shards/` or
/// `rejects/`, no `..`, no symbolic link leaving the folder); the file exists; its XXH64 matches
/// `shards.checksum`; its seek table parses; every frame decompresses and matches its checksum;
/// the record count (separators for line-separated kinds, whole records of the `RecordSchema`
/// size for binary ones) and raw bytes match the row; every document and drop location lies
/// inside its frame and ends at a separator; and the locations of each frame cover it exactly,
/// one row per record (no record without a row, no two rows on one record). Then: runs are done
/// and their counts add up (`docs_in = docs_out + docs_rejected`), no shard file is missing from
/// the catalog, and no part catalog waits unmerged.
public enum DatasetVerifier {
    /// Verifies `dataset`.
    /// - Returns: the report; problems do not throw, including a catalog SQLite cannot read
    ///   (`catalog_unreadable`, after which nothing else is checked).
    /// - Complexity: reads and decompresses every shard once.
    public static func verify(_ dataset: Dataset) throws -> VerificationReport {
        var report = VerificationReport()
        do {
            try verify(dataset, into: &report)
        } catch let error as PretextError where error.code == .catalog || error.code == .corrupt {
            let advice = "; run `pretext verify`"
            let message = error.message.hasSuffix(advice) ? String(error.message.dropLast(advice.count)) : error.message
            report.problems.append(.init(kind: "catalog_unreadable", shard: Dataset.catalogName, message: message))
        }
        return report
    }

    private static func verify(_ dataset: Dataset, into report: inout VerificationReport) throws {
        let catalog = try dataset.openCatalog(readOnly: true)
        for message in try catalog.integrityProblems() {
            report.problems.append(.init(kind: "catalog_integrity", shard: Dataset.catalogName, message: message))
        }
        for mismatch in try catalog.rowMismatches() {
            report.problems.append(.init(kind: "row_mismatch", shard: mismatch.shard, message: mismatch.message))
        }
        let shards = try catalog.shards()
        let schema = recordSchema(catalog, into: &report)
        for shard in shards {
            ShardCheck(dataset: dataset, catalog: catalog, row: shard, schema: schema).run(into: &report)
        }
        try checkRuns(catalog, into: &report)
        try checkStrayFiles(dataset, known: Set(shards.map(\.path)), into: &report)
    }

    /// The dataset's record schema, if it has one; a schema that cannot be read is a problem.
    private static func recordSchema(_ catalog: Catalog, into report: inout VerificationReport) -> RecordSchema? {
        do {
            return try catalog.recordSchema()
        } catch let error as PretextError {
            report.problems.append(.init(kind: "record_schema", message: error.message))
        } catch {
            report.problems.append(.init(kind: "record_schema", message: "\(error)"))
        }
        return nil
    }

    private static func checkRuns(_ catalog: Catalog, into report: inout VerificationReport) throws {
        for run in try catalog.runs() {
            let name = "step \(run.step) \(run.stage) rank \(run.rank)/\(run.worldSize)"
            guard run.status == .done else {
                report.problems.append(.init(kind: "run_not_done", message: "\(name) is \(run.status)"))
                continue
            }
            let docsIn = run.docsIn ?? 0, out = run.docsOut ?? 0, rejected = run.docsRejected ?? 0
            if docsIn != out + rejected {
                report.problems.append(
                    .init(
                        kind: "run_counts",
                        message: "\(name): docs_in \(docsIn) != docs_out \(out) + docs_rejected \(rejected)"))
            }
        }
    }

    private static func checkStrayFiles(
        _ dataset: Dataset, known: Set<String>, into report: inout VerificationReport
    ) throws {
        for directory in ["shards", "rejects"] {
            for name in try FileSystem.listDirectory(dataset.path(directory)) {
                let relative = directory + "/" + name
                if !known.contains(relative) {
                    report.problems.append(
                        .init(kind: "stray_file", shard: relative, message: "file is not in the catalog"))
                }
            }
        }
        for name in try FileSystem.listDirectory(dataset.partsDirectory) where name.hasSuffix(".sqlite") {
            report.problems.append(
                .init(kind: "unmerged_part", shard: "parts/" + name, message: "part catalog not merged (run the merge)")
            )
        }
    }
}
