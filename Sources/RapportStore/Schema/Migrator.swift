import Foundation
import SQLKit

/// Applies the schema timeline. Several processes may start at once on one empty PostgreSQL
/// database: every step runs in a transaction that first updates the single row of
/// `schema_lock`, so the row lock serialises them and each step is applied exactly once. No
/// advisory lock, so Postgres-wire distributed engines can run it too.
public struct Migrator: Sendable {
    let engine: any DatabaseEngine
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.engine = store.engine
        self.now = now
    }

    /// The newest version this build knows.
    public static var latestVersion: Int { Migrations.all.last?.version ?? 0 }

    /// The version the database is at (0 when empty).
    public func currentVersion() async throws -> Int {
        try await ensureLockTable()
        let now = now
        return try await engine.write { db in
            try await Self.lock(db, at: now())
            return try await Self.version(db)
        }
    }

    /// Applies every pending step (up to `last`, for tests of one step's data) in one transaction
    /// each; returns the names applied.
    @discardableResult
    public func migrate(through last: Int = .max) async throws -> [String] {
        try await ensureLockTable()
        var applied: [String] = []
        for migration in Migrations.all where migration.version <= last {
            let kind = engine.kind
            let now = now
            let didApply = try await engine.write { db in
                try await Self.lock(db, at: now())
                guard try await Self.version(db) < migration.version else { return false }
                for statement in migration.statements(for: kind) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await migration.backfill?(StoreSession(db: db, kind: kind))
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Int64(now().timeIntervalSince1970 * 1000)))
                    """).run()
                return true
            }
            if didApply { applied.append(migration.name) }
        }
        return applied
    }

    /// Throws when the schema is behind (and migrating was not allowed) or ahead of this build.
    public func check(allowMigrate: Bool) async throws {
        let current = try await currentVersion()
        if current > Self.latestVersion {
            throw StoreError.schemaAhead(current: current, latest: Self.latestVersion)
        }
        if current < Self.latestVersion {
            guard allowMigrate else { throw StoreError.schemaBehind(current: current, latest: Self.latestVersion) }
            try await migrate()
        }
    }

    /// Creates the lock table and its row if missing. Two processes creating the table at the same
    /// moment on PostgreSQL may see a duplicate-key (23505), duplicate-table (42P07) or
    /// duplicate-object (42710, the table's row type) error from the catalog: the table then
    /// exists (or is about to), so the loser tries again and finds it.
    private func ensureLockTable() async throws {
        for attempt in 1...5 {
            do {
                try await engine.write { db in
                    try await db.raw("CREATE TABLE IF NOT EXISTS schema_lock (id BIGINT PRIMARY KEY, locked_at BIGINT NOT NULL)").run()
                    try await db.raw("INSERT INTO schema_lock (id, locked_at) VALUES (1, 0) ON CONFLICT (id) DO NOTHING").run()
                }
                return
            } catch let failure as DatabaseFailure where ["23505", "42P07", "42710"].contains(failure.sqlState ?? "") && attempt < 5 {
                try await Task.sleep(for: .milliseconds(20 * attempt))
            }
        }
    }

    /// Takes the schema lock for the rest of the transaction, then makes sure the version table exists.
    private static func lock(_ db: any SQLDatabase, at: Date) async throws {
        try await db.raw("UPDATE schema_lock SET locked_at = \(bind: Int64(at.timeIntervalSince1970 * 1000)) WHERE id = 1").run()
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
            """).run()
    }

    private static func version(_ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").first()
        return Int(try row?.decode(column: "v", as: Int64.self) ?? 0)
    }
}
