import PretextCore
import _PretextFileSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per output folder and rank at a time: the `flock(2)` locks a run holds on
/// `FOLDER/.locks/rank-NNNNN`, one per rank it runs.
///
/// A pipeline run locks its output folder for the whole run, and each step (or `pretext
/// stage`) locks its dataset folder while it runs. The ranks of one multi-process run
/// (`--rank R --world-size W`) lock different files and never stop each other; a second
/// process with a rank already held fails at once with `PretextError(.locked)` naming the
/// holder, read from the lock file (`LockHolder`). The kernel releases the locks of a process
/// that dies, so a crashed run never blocks the next one. Not thread safe.
final class OutputLock {
    /// The folder's subdirectory holding the lock files (a dot name: not part of a dataset).
    static let directoryName = ".locks"
    /// How many times a taken lock is tried again, 20 ms apart, before it counts as held:
    /// `otherHolders()` probes locks for an instant.
    static let attempts = 5

    /// The folder.
    let folder: String
    /// The ranks this process holds.
    let ranks: [Int]
    private var locks: [HeldFileLock]

    private init(folder: String, ranks: [Int], locks: [HeldFileLock]) {
        self.folder = folder
        self.ranks = ranks
        self.locks = locks
    }

    /// Locks `ranks` of `folder` (created if missing) and records `holder` in each lock file.
    /// - Throws: `PretextError(.locked)` naming the holder when another process holds one of
    ///   the ranks; `.io` when the lock files cannot be created.
    static func acquire(folder: String, ranks: [Int], holder: LockHolder) throws -> OutputLock {
        try FileSystem.createDirectory(FileSystem.join(folder, directoryName))
        var locks: [HeldFileLock] = []
        for rank in ranks {
            let path = lockPath(folder, rank: rank)
            guard let lock = try takeBriefly(path) else {
                throw heldError(folder: folder, rank: rank, holder: readHolder(path))
            }
            try lock.record(holder.encoded)
            locks.append(lock)
        }
        return OutputLock(folder: folder, ranks: ranks, locks: locks)
    }

    /// Releases every rank; the lock files stay. Safe to call more than once.
    func release() {
        for lock in locks { lock.release() }
        locks.removeAll()
    }

    /// The ranks of the folder that other processes hold right now, with who holds them (`nil`
    /// when a holder has not written its lock file yet).
    func otherHolders() throws -> [(rank: Int, holder: LockHolder?)] {
        var holders: [(rank: Int, holder: LockHolder?)] = []
        for name in try FileSystem.listDirectory(FileSystem.join(folder, Self.directoryName)) {
            guard let rank = Self.rank(ofLockFile: name), !ranks.contains(rank) else { continue }
            let path = Self.lockPath(folder, rank: rank)
            if try FileLock.isHeld(at: path) { holders.append((rank, Self.readHolder(path))) }
        }
        return holders
    }

    /// The lock file where the ranks of this folder take turns deciding to overwrite it.
    var overwriteLockPath: String {
        FileSystem.join(FileSystem.join(folder, Self.directoryName), "overwrite")
    }

    /// `FOLDER/.locks/rank-NNNNN`.
    static func lockPath(_ folder: String, rank: Int) -> String {
        let digits = String(rank)
        let name = "rank-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        return FileSystem.join(FileSystem.join(folder, directoryName), name)
    }

    /// The rank a lock file is for, or `nil` for other names.
    static func rank(ofLockFile name: String) -> Int? {
        guard name.hasPrefix("rank-") else { return nil }
        return Int(name.dropFirst(5))
    }

    /// Takes the lock at `path`, trying again briefly while it is taken.
    private static func takeBriefly(_ path: String) throws -> HeldFileLock? {
        for attempt in 1...attempts {
            if let lock = try FileLock.tryLock(at: path) { return lock }
            if attempt < attempts { usleep(20_000) }
        }
        return nil
    }

    /// Who holds the lock at `path`, giving a holder that has just taken it a moment to say so.
    private static func readHolder(_ path: String) -> LockHolder? {
        for attempt in 1...attempts {
            if let text = try? FileText.read(path), let holder = LockHolder(parsing: text) { return holder }
            if attempt < attempts { usleep(20_000) }
        }
        return nil
    }

    private static func heldError(folder: String, rank: Int, holder: LockHolder?) -> PretextError {
        let who = holder.map { "another run (\($0))" } ?? "another process that has not written who it is"
        return PretextError(
            .locked,
            "rank \(rank) of this output is being written by \(who); one run per output and rank at a time: "
                + "wait for it to finish, or write to another output",
            path: folder)
    }
}
