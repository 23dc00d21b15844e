import Foundation
import Logging
import RapportCore
import SQLKit

/// The storage entry point. Every read and write names who it is for: a user's `Viewer` (a
/// `ScopedSession`, limited to what they may see) or a `SystemPurpose` (a `SystemSession`, for jobs,
/// sign-in and admin commands). A write session is one transaction, so a use case's changes, audit
/// lines and search-index updates commit together.
public struct Store: Sendable {
    let engine: any DatabaseEngine

    init(engine: any DatabaseEngine) {
        self.engine = engine
    }

    public var kind: EngineKind { engine.kind }

    /// Opens the engine for a location (does not migrate).
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> Store {
        switch location {
        case .sqlite(let path):
            return Store(engine: try await SQLiteEngine.open(path: path, logger: logger))
        case .postgres(let url):
            return Store(engine: try await PostgresEngine.connect(url, logger: logger))
        }
    }

    /// Reads as a user: every query of customer data is limited to what `viewer` may see.
    public func read<T: Sendable>(as viewer: Viewer, _ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
        let kind = engine.kind
        return try await engine.read { db in
            try await body(ScopedSession(raw: StoreSession(db: db, kind: kind), scope: viewer.scope, actorID: viewer.userID))
        }
    }

    /// Writes as a user in one transaction: every write re-checks `viewer`'s scope inside it.
    public func write<T: Sendable>(as viewer: Viewer, _ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
        let kind = engine.kind
        return try await engine.write { db in
            try await body(ScopedSession(raw: StoreSession(db: db, kind: kind), scope: viewer.scope, actorID: viewer.userID))
        }
    }

    /// Reads without a user's scope, for the work `purpose` names (a reviewed bypass).
    public func systemRead<T: Sendable>(_ purpose: SystemPurpose,
                                        _ body: @Sendable (SystemSession) async throws -> T) async throws -> T {
        let kind = engine.kind
        return try await engine.read { db in try await body(SystemSession(raw: StoreSession(db: db, kind: kind), purpose: purpose)) }
    }

    /// Writes without a user's scope in one transaction, for the work `purpose` names (a reviewed bypass).
    public func systemWrite<T: Sendable>(_ purpose: SystemPurpose,
                                         _ body: @Sendable (SystemSession) async throws -> T) async throws -> T {
        let kind = engine.kind
        return try await engine.write { db in try await body(SystemSession(raw: StoreSession(db: db, kind: kind), purpose: purpose)) }
    }

    /// Builds the statements that insert new customers (normalising, cutting grams, encoding JSON)
    /// without touching the database, so an import prepares a batch while the previous one is written;
    /// `ScopedSession.insertCustomers` runs them.
    public func prepareCustomerInserts(_ batch: [Customer]) throws -> PreparedInserts {
        try StoreSession.prepareInserts(batch, kind: engine.kind)
    }

    /// Checks the database answers (for `/health`).
    public func ping() async throws {
        try await engine.read { db in try await db.raw("SELECT 1").run() }
    }

    /// What keeps Chinese text and search working on a PostgreSQL database, or nil when all is well
    /// (and always on SQLite): the encoding must be UTF-8 (`SQL_ASCII` stores bytes unchecked), and
    /// the character classification (`LC_CTYPE`) must know non-ASCII letters — under `C` or
    /// `POSIX`, pg_trgm makes no trigrams of Chinese text (`show_trgm('阿里巴巴')` is empty), so
    /// search finds nothing. `C.UTF-8` and other UTF-8 locales work.
    public func characterSetProblem() async throws -> String? {
        guard engine.kind == .postgres else { return nil }
        let row = try await engine.read { db in
            try await db.raw("""
                SELECT pg_encoding_to_char(encoding) AS encoding, datctype FROM pg_database WHERE datname = current_database()
                """).first()
        }
        guard let row else { return nil }
        let encoding = try row.decode(column: "encoding", as: String.self)
        let ctype = try row.decode(column: "datctype", as: String.self)
        if encoding.uppercased() != "UTF8" {
            return "the database's encoding is \(encoding), not UTF8: Chinese text cannot be stored reliably"
        }
        if ctype == "C" || ctype == "POSIX" {
            return "the database's LC_CTYPE is \(ctype): PostgreSQL's trigram index makes no trigrams of Chinese text there, so search finds nothing"
        }
        return nil
    }

    /// Copies a live SQLite database into a new file (`VACUUM INTO`, consistent while others write).
    /// PostgreSQL databases are backed up with `pg_dump`: refused with `badConfiguration`.
    public func backup(to path: String) async throws {
        guard let sqlite = engine as? SQLiteEngine else {
            throw StoreError.badConfiguration("backup copies SQLite files; back PostgreSQL up with pg_dump")
        }
        try await sqlite.backup(to: path)
    }

    /// Refreshes the query planner's statistics where they are missing or stale (SQLite; see
    /// `SQLiteEngine.refreshStatistics`). PostgreSQL's autovacuum analyses tables by itself, so
    /// there this does nothing and answers false.
    public func refreshStatistics() async throws -> Bool {
        guard let sqlite = engine as? SQLiteEngine else { return false }
        try await sqlite.refreshStatistics()
        return true
    }

    public func close() async throws {
        try await engine.close()
    }
}

/// One connection's worth of queries, without any scope: the implementation every session type
/// (`ScopedSession`, `CatalogSession`, `SystemSession`) is built on. Not reachable from outside this
/// module, so no caller can skip the scope.
struct StoreSession: Sendable {
    let db: any SQLDatabase
    public let kind: EngineKind
}
