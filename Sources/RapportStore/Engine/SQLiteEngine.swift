import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// SQLite in WAL mode: one writer connection, whose transactions are serialised, and a few
/// reader connections used round-robin (WAL lets them read while the writer writes).
public final class SQLiteEngine: DatabaseEngine {
    public let kind = EngineKind.sqlite
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let next = Atomic<Int>(0)
    private let writeLock = AsyncLock()
    private let logger: Logger

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.logger = logger
    }

    /// Opens (creating if needed) the file at `path` with `readerCount` reader connections.
    public static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteEngine {
        let writer = try await openConnection(path: path, logger: logger)
        // The writer touches every index on each insert: give it a larger page cache (32 MB).
        try await writer.sql().raw("PRAGMA cache_size = -32768").run()
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readerCount) {
            let reader = try await openConnection(path: path, logger: logger)
            // Readers keep a user's working set (their customers' rows and index pages) cached:
            // 8 MB each instead of SQLite's 2 MB, which re-read pages on every agenda request.
            try await reader.sql().raw("PRAGMA cache_size = -8192").run()
            readers.append(reader)
        }
        let engine = SQLiteEngine(writer: writer, readers: readers, logger: logger)
        try await engine.refreshStatistics()
        return engine
    }

    private static func openConnection(path: String, logger: Logger) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let db = connection.sql()
        // Per-connection settings: sqlite-kit has no hook for them, so they are set here.
        try await db.raw("PRAGMA busy_timeout = 10000").run()
        try await db.raw("PRAGMA journal_mode = WAL").run()
        try await db.raw("PRAGMA synchronous = NORMAL").run()
        try await db.raw("PRAGMA foreign_keys = ON").run()
        try await db.raw("PRAGMA temp_store = MEMORY").run()
        return connection
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = next.add(1, ordering: .relaxed).newValue
        return try await body(readers[abs(index) % readers.count].sql())
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.acquire()
        let db = writer.sql()
        do {
            try await db.raw("BEGIN IMMEDIATE").run()
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            await writeLock.release()
            return result
        } catch {
            do {
                try await db.raw("ROLLBACK").run()
            } catch let rollbackError {
                logger.error("rollback failed", metadata: ["error": "\(rollbackError)"])
            }
            await writeLock.release()
            throw error
        }
    }

    /// Copies the live database into a new file with `VACUUM INTO` (consistent while others write).
    public func backup(to path: String) async throws {
        try await read { db in
            try await db.raw("VACUUM INTO \(bind: path)").run()
        }
    }

    /// Lets SQLite re-gather the statistics its query planner reads (`sqlite_stat1`) for every table
    /// whose size changed a lot since they were last gathered, or that has none (`PRAGMA optimize`,
    /// which samples a bounded number of rows per index: about a second at 100,000 customers).
    /// Without statistics the planner guesses, and guesses badly for `id IN (…) AND owner_id = ?`:
    /// it walks the owner's whole index instead of looking up the ids. Runs on the writer,
    /// outside a transaction, holding the write lock; readers see the new statistics on their
    /// next statement.
    public func refreshStatistics() async throws {
        await writeLock.acquire()
        do {
            // 0x10002: consider every table, not only those this connection has used.
            try await writer.sql().raw("PRAGMA optimize = 0x10002").run()
        } catch {
            await writeLock.release()
            throw error
        }
        await writeLock.release()
    }

    public func close() async throws {
        for reader in readers { try await reader.close() }
        try await writer.close()
    }
}
