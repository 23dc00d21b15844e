import Foundation
import Logging
import RapportCore
@testable import RapportStore
import RapportTestSupport
import Testing
import SQLKit

@Suite struct OperationsStoreTests {
    @Test func sqliteBackup_isAConsistentFileThatOpens() async throws {
        let db = try await TestDatabase.make(.sqlite)
        let c = Customer(id: CustomerID(UUID()), name: "备份测试有限公司", kind: .enterprise, ownerID: nil, teamID: nil,
                         createdAt: Date(timeIntervalSince1970: 1_790_000_000), updatedAt: Date(timeIntervalSince1970: 1_790_000_000))
        try await db.all { try await $0.insertCustomer(c) }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString).sqlite").path
        try await db.store.backup(to: target)
        let copy = try await Store.open(.sqlite(path: target), logger: Logger(label: "test"))
        #expect(try await Migrator(store: copy, now: { Date() }).currentVersion() == Migrator.latestVersion)
        let found = try await copy.systemRead(.command("test")) { try await $0.unrestricted.customers(CustomerQuery(search: "备份")) }
        #expect(found.items.map(\.id) == [c.id])
        try await copy.close()
        try FileManager.default.removeItem(atPath: target)
        try await db.drop()
    }

    /// Step 7 fills the pinyin sort key and rebuilds the search documents of customers written before it.
    @Test func pinyinStep_backfillsCustomersWrittenBefore() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-v6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try await Store.open(.sqlite(path: dir.appendingPathComponent("v6.sqlite").path), logger: Logger(label: "test"))
        let migrator = Migrator(store: store, now: { Date() })
        try await migrator.migrate(through: 6)
        try await store.systemWrite(.command("test")) { session in
            try await session.rawBenchInsert(rows: [["阿里巴巴网络技术有限公司", "", "互联网", "杭州", "", "t", "", "13800000000", "a@b.cn", ""],
                                                    ["Zeta Ltd", "", "", "", "", "t", "", "", "", ""]])
        }
        #expect(try await migrator.migrate(through: 7) == ["pinyin"])
        let found = try await store.systemRead(.command("test")) { try await $0.unrestricted.customers(CustomerQuery(search: "albb")) }
        #expect(found.items.map(\.name) == ["阿里巴巴网络技术有限公司"])
        let ordered = try await store.systemRead(.command("test")) { try await $0.unrestricted.customers(CustomerQuery(sort: .name)) }
        #expect(ordered.items.map(\.name) == ["阿里巴巴网络技术有限公司", "Zeta Ltd"])
        try await store.close()
        try FileManager.default.removeItem(at: dir)
    }

    @Test func schemaCheck_refusesABehindSchemaUnlessMigrating() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try await Store.open(.sqlite(path: dir.appendingPathComponent("e.sqlite").path), logger: Logger(label: "test"))
        let migrator = Migrator(store: store, now: { Date() })
        await #expect(throws: StoreError.schemaBehind(current: 0, latest: Migrator.latestVersion)) {
            try await migrator.check(allowMigrate: false)
        }
        try await migrator.check(allowMigrate: true)
        #expect(try await migrator.currentVersion() == Migrator.latestVersion)
        try await store.close()
        try FileManager.default.removeItem(at: dir)
    }

    @Test func databaseLocation_parsesPathsAndPostgresURLs() throws {
        #expect(try DatabaseLocation(parsing: "./rapport.sqlite") == .sqlite(path: "./rapport.sqlite"))
        guard case .postgres(let url) = try DatabaseLocation(parsing: "postgres://rapport:s%40cret@db:6432/crm?sslmode=disable") else {
            Issue.record("not a postgres location")
            return
        }
        #expect(url.password == "s@cret")
        #expect(url.port == 6432)
        #expect(url.sslMode == "disable")
        #expect(url.redacted == "postgres://rapport@db:6432/crm")
        #expect(throws: StoreError.self) { try DatabaseLocation(parsing: "postgres://db/crm") }
        #expect(throws: StoreError.self) { try DatabaseLocation(parsing: "postgres://u@db/crm?sslmode=maybe") }
    }
}

/// Several processes starting on one empty database apply each schema step exactly once, and
/// database failures say what the server said.
@Suite struct MigrationConcurrencyTests {
    /// Several server processes share one database on PostgreSQL only (SQLite is one process's file).
    @Test func serversStartingTogether_applyEachStepOnce() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        let db = try await TestDatabase.make(.postgres, migrated: false)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        var stores: [Store] = []
        for _ in 0..<4 { stores.append(try await Store.open(db.location, logger: logger)) }
        let outcomes = await withTaskGroup(of: Result<[String], any Error>.self) { group in
            for store in stores {
                group.addTask {
                    do { return .success(try await Migrator(store: store, now: { Date() }).migrate()) } catch { return .failure(error) }
                }
            }
            var all: [Result<[String], any Error>] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let applied = try outcomes.flatMap { try $0.get() }
        #expect(applied.count == Migrator.latestVersion)
        #expect(Set(applied).count == Migrator.latestVersion)
        for store in stores {
            #expect(try await Migrator(store: store, now: { Date() }).currentVersion() == Migrator.latestVersion)
            try await store.close()
        }
        try await db.drop()
    }

    @Test func postgresFailures_sayTheServersReason() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        let db = try await TestDatabase.make(.postgres)
        guard case .postgres(var url) = db.location else { return }
        await #expect {
            try await db.store.engine.read { db in try await db.raw("SELECT * FROM no_such_table").run() }
        } throws: { error in
            "\(error)".contains("42P01") && "\(error)".contains("no_such_table")
        }
        url.username = "no_such_role"
        let started = ContinuousClock.now
        await #expect {
            _ = try await Store.open(.postgres(url), logger: Logger(label: "test"))
        } throws: { error in
            (error as? DatabaseFailure)?.sqlState == "28000" && "\(error)".contains("no_such_role")
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        try await db.drop()
    }
}
