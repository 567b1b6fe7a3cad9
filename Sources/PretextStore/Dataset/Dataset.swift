import PretextCore
import _PretextFileSystem

/// A Pretext dataset: a directory holding `catalog.sqlite`, `shards/`, `rejects/`,
/// `reports/` and `parts/` (rank catalogs waiting to be merged).
///
/// A value type holding paths only; open the catalog with `openCatalog()` on the thread that
/// uses it. See `docs/formats.md`.
public struct Dataset: Sendable, Hashable {
    /// The dataset directory.
    public let root: String

    /// The catalog file name.
    public static let catalogName = "catalog.sqlite"
    /// The subdirectories every dataset has.
    public static let directories = ["shards", "rejects", "reports", "parts"]

    private init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// Creates a dataset at `root` (creating the directory if needed), or opens the one
    /// already there.
    /// - Throws: `.io` when the directories cannot be created; `.catalog` for SQLite errors.
    public static func create(at root: String) throws -> Dataset {
        let dataset = Dataset(root: root)
        try FileSystem.createDirectory(dataset.root)
        for name in directories { try FileSystem.createDirectory(dataset.path(name)) }
        _ = try Catalog(path: dataset.catalogPath)
        return dataset
    }

    /// Opens an existing dataset for reading: nothing is written, created or migrated (the
    /// catalog is opened read-only, in `query_only` mode).
    ///
    /// The catalog must be a Pretext catalog: a missing, empty or foreign `catalog.sqlite` is
    /// a damaged dataset.
    /// - Throws: `.notFound` when `root` is not a directory; `.corrupt` naming the catalog when
    ///   it is missing, empty, not SQLite or not a Pretext catalog.
    public static func open(at root: String) throws -> Dataset {
        let dataset = Dataset(root: root)
        guard FileSystem.isDirectory(dataset.root) else {
            throw PretextError(.notFound, "no dataset here: the directory does not exist", path: root)
        }
        guard FileSystem.exists(dataset.catalogPath) else {
            throw PretextError(
                .corrupt,
                "not a Pretext dataset, or a damaged one: \(catalogName) is missing (pass a stage's output directory)",
                path: dataset.catalogPath)
        }
        try dataset.openCatalog(readOnly: true).checkIsPretextCatalog()
        return dataset
    }

    /// The main catalog's path.
    public var catalogPath: String { path(Self.catalogName) }
    /// The document and example shard directory.
    public var shardsDirectory: String { path("shards") }
    /// The rejected-record shard directory.
    public var rejectsDirectory: String { path("rejects") }
    /// The report directory.
    public var reportsDirectory: String { path("reports") }
    /// The rank part catalog directory.
    public var partsDirectory: String { path("parts") }

    /// The absolute (or root-relative) path of something given relative to the root, such
    /// as `shards.path`.
    public func path(_ relative: String) -> String {
        FileSystem.join(root, relative)
    }

    /// Opens the main catalog.
    public func openCatalog(readOnly: Bool = false) throws -> Catalog {
        try Catalog(path: catalogPath, readOnly: readOnly)
    }
}
