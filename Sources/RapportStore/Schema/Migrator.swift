import Foundation
import SQLKit

/// Applies the schema timeline. On PostgreSQL an advisory lock makes concurrent starts safe.
public struct Migrator: Sendable {
    let engine: any DatabaseEngine
    let now: @Sendable () -> Date

    public init(engine: any DatabaseEngine, now: @escaping @Sendable () -> Date) {
        self.engine = engine
        self.now = now
    }

    /// The newest version this build knows.
    public static var latestVersion: Int { Migrations.all.last?.version ?? 0 }

    /// The version the database is at (0 when empty).
    public func currentVersion() async throws -> Int {
        try await engine.write { db in
            try await Self.ensureTable(db)
            return try await Self.version(db)
        }
    }

    /// Applies every pending step in one transaction each; returns the names applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        var applied: [String] = []
        for migration in Migrations.all {
            let kind = engine.kind
            let now = now
            let didApply = try await engine.write { db in
                if kind == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(724011)").run()
                }
                try await Self.ensureTable(db)
                guard try await Self.version(db) < migration.version else { return false }
                for statement in migration.statements(for: kind) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
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

    private static func ensureTable(_ db: any SQLDatabase) async throws {
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
