/// The catalog's versioned migrations. Each runs once, in order, inside a transaction;
/// `PRAGMA user_version` holds the last applied version and `schema_migrations` records when
/// each was applied. Never edit a released migration: add the next one.
enum CatalogSchema {
    /// The migrations, by version (1-based, contiguous). Version 1 creates `documents` from
    /// `DocumentColumns`; every later version ends with the fixed document columns it adds.
    static let migrations: [(version: Int, sql: String)] = [
        (1, version1),
        (2, version2 + DocumentColumns.added(inVersion: 2)),
    ]

    /// The latest version this build knows.
    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Version 1: shards, documents (the columns of `DocumentColumns` since 1), drops, runs,
    /// dataset_meta.
    static let version1 = """
        CREATE TABLE shards(
            id INTEGER PRIMARY KEY,
            path TEXT UNIQUE NOT NULL,
            kind TEXT NOT NULL,
            step INTEGER NOT NULL DEFAULT 0,
            stage TEXT NOT NULL,
            rank INTEGER NOT NULL,
            records INTEGER NOT NULL,
            frames INTEGER NOT NULL,
            bytes_raw INTEGER NOT NULL,
            bytes_compressed INTEGER NOT NULL,
            checksum TEXT NOT NULL,
            frame_size INTEGER,
            compression_level INTEGER,
            created_at TEXT);
        \(DocumentColumns.createTable(version: 1))
        CREATE INDEX documents_id ON documents(id);
        CREATE INDEX documents_shard ON documents(shard_id);
        CREATE TABLE drops(
            rowid INTEGER PRIMARY KEY,
            document TEXT,
            step INTEGER,
            stage TEXT NOT NULL,
            rank INTEGER,
            reason TEXT NOT NULL,
            detail TEXT,
            input TEXT,
            input_line INTEGER,
            input_offset INTEGER,
            reject_shard_id INTEGER REFERENCES shards(id),
            reject_frame INTEGER,
            reject_offset INTEGER,
            reject_length INTEGER);
        CREATE INDEX drops_reason ON drops(reason);
        CREATE TABLE runs(
            rowid INTEGER PRIMARY KEY,
            stage TEXT NOT NULL,
            step INTEGER NOT NULL,
            config_hash TEXT NOT NULL,
            rank INTEGER NOT NULL,
            world_size INTEGER NOT NULL,
            status TEXT NOT NULL,
            docs_in INTEGER,
            docs_out INTEGER,
            docs_rejected INTEGER,
            files_in INTEGER,
            bytes_in INTEGER,
            bytes_out INTEGER,
            started_at TEXT,
            finished_at TEXT,
            UNIQUE(step, stage, rank, world_size));
        CREATE TABLE dataset_meta(
            key TEXT PRIMARY KEY,
            value TEXT);
        """

    /// Version 2: documents indexed by location (shard, frame, offset), so that a shard's rows
    /// come back in storage order without a sort, and a range of its frames without reading
    /// the others' rows. It replaces the shard-only index.
    static let version2 = """
        CREATE INDEX documents_location ON documents(shard_id, frame, offset);
        DROP INDEX documents_shard;
        """
}
