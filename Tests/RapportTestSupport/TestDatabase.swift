import Foundation
import Logging
import RapportApp
import RapportCore
@testable import RapportStore
import SQLKit
import Synchronization

/// The engines a contract test runs on: SQLite always, PostgreSQL when
/// `RAPPORT_TEST_POSTGRES_URL` is set. Each test gets a fresh, empty database.
public enum TestEngine: String, Sendable, CustomStringConvertible, CaseIterable {
    case sqlite, postgres

    public var description: String { rawValue }

    /// The engines available in this environment.
    public static var available: [TestEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A fresh, migrated database for one test, removed by `drop()`.
public struct TestDatabase: Sendable {
    public let store: Store
    public let engine: TestEngine
    /// Where the database is, to open more stores on it (several processes).
    public let location: DatabaseLocation
    let cleanup: @Sendable () async throws -> Void

    /// - Parameter migrated: apply the schema (else the database is empty).
    public static func make(_ engine: TestEngine, migrated: Bool = true) async throws -> TestDatabase {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        switch engine {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let store = try await Store.open(.sqlite(path: dir.appendingPathComponent("test.sqlite").path), logger: logger)
            if migrated { try await Migrator(store: store, now: { Date() }).migrate() }
            return TestDatabase(store: store, engine: engine, location: .sqlite(path: dir.appendingPathComponent("test.sqlite").path)) {
                try await store.close()
                try FileManager.default.removeItem(at: dir)
            }
        case .postgres:
            guard let text = TestEngine.postgresURL else { throw StoreError.badConfiguration("RAPPORT_TEST_POSTGRES_URL is not set") }
            let adminURL = try PostgresURL(parsing: text)
            let name = "rapport_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            // The admin connection is opened only to create and later drop the database: tests run
            // side by side, and idle pools would use up the server's connections.
            let admin = try await Store.open(.postgres(adminURL), logger: logger)
            try await admin.engine.read { db in try await db.raw("CREATE DATABASE \(ident: String(name))").run() }
            try await admin.close()
            var url = adminURL
            url.database = String(name)
            let store = try await Store.open(.postgres(url), logger: logger)
            if migrated { try await Migrator(store: store, now: { Date() }).migrate() }
            let quiet = logger
            return TestDatabase(store: store, engine: engine, location: .postgres(url)) {
                try await store.close()
                let admin = try await Store.open(.postgres(adminURL), logger: quiet)
                try await admin.engine.read { db in try await db.raw("DROP DATABASE IF EXISTS \(ident: String(name)) WITH (FORCE)").run() }
                try await admin.close()
            }
        }
    }

    public func drop() async throws {
        try await cleanup()
    }
}

/// A clock tests can move forward. Each reading ticks one millisecond, as a real clock would
/// between two actions, so that the order of events is the order of their times.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = Mutex(start)
    }

    public func now() -> Date {
        current.withLock { date in
            date += 0.001
            return date
        }
    }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}

/// A ready app on a fresh database with a small organisation:
/// team East (manager `mia`, reps `alice`, `bob`), team West (rep `carol`), and `admin`.
public struct TestWorld: Sendable {
    public let db: TestDatabase
    public let app: Rapport
    public let clock: TestClock
    public let admin: Acting
    public let mia: Acting
    public let alice: Acting
    public let bob: Acting
    public let carol: Acting
    public let east: Team
    public let west: Team

    public static let password = "correct-horse-battery"

    public static func make(_ engine: TestEngine) async throws -> TestWorld {
        let db = try await TestDatabase.make(engine)
        let clock = TestClock()
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = Rapport(store: db.store, env: .init(now: { clock.now() }, newUUID: { UUID() }), logger: logger, bcryptCost: 4)
        guard let adminUser = try await app.accounts.bootstrapAdmin(password: password)?.user else { throw StoreError.notFound }
        let admin = try await app.acting(adminUser)
        let east = try await app.teams.create(admin, name: "华东销售部", managerID: nil)
        let west = try await app.teams.create(admin, name: "West", managerID: nil)
        func user(_ name: String, _ role: Role, _ team: Team) async throws -> User {
            try await app.accounts.create(admin, NewUser(username: name, displayName: name.capitalized, role: role, teamID: team.id, password: password)).user
        }
        let miaUser = try await user("mia", .manager, east)
        let eastManaged = try await app.teams.update(admin, east.id, name: nil, managerID: .some(miaUser.id), version: east.version)
        let aliceUser = try await user("alice", .rep, east)
        let bobUser = try await user("bob", .rep, east)
        let carolUser = try await user("carol", .rep, west)
        return TestWorld(db: db, app: app, clock: clock, admin: admin, mia: try await app.acting(miaUser),
                         alice: try await app.acting(aliceUser), bob: try await app.acting(bobUser),
                         carol: try await app.acting(carolUser), east: eastManaged, west: west)
    }

    public func close() async throws {
        try await db.drop()
    }
}

extension TestDatabase {
    /// Runs store queries over every customer (the system's view, as jobs have it), in one transaction.
    public func all<T: Sendable>(_ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
        try await store.systemWrite(.command("test")) { try await body($0.unrestricted) }
    }

    /// Runs the system session's own queries (jobs, the catalogue) in one transaction.
    public func system<T: Sendable>(_ body: @Sendable (SystemSession) async throws -> T) async throws -> T {
        try await store.systemWrite(.command("test"), body)
    }
}
