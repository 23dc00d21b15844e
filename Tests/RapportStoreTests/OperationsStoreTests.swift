import Foundation
import Logging
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite struct OperationsStoreTests {
    @Test func sqliteBackup_isAConsistentFileThatOpens() async throws {
        let db = try await TestDatabase.make(.sqlite)
        let c = Customer(id: CustomerID(UUID()), name: "备份测试有限公司", kind: .enterprise, ownerID: nil, teamID: nil,
                         createdAt: Date(timeIntervalSince1970: 1_790_000_000), updatedAt: Date(timeIntervalSince1970: 1_790_000_000))
        try await db.store.write { try await $0.insertCustomer(c) }
        let engine = try #require(db.store.engine as? SQLiteEngine)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString).sqlite").path
        try await engine.backup(to: target)
        let copy = try await Store.open(.sqlite(path: target), logger: Logger(label: "test"))
        #expect(try await Migrator(engine: copy.engine, now: { Date() }).currentVersion() == Migrator.latestVersion)
        let found = try await copy.read { try await $0.customers(CustomerQuery(search: "备份"), scope: .everything) }
        #expect(found.items.map(\.id) == [c.id])
        try await copy.close()
        try FileManager.default.removeItem(atPath: target)
        try await db.drop()
    }

    @Test func schemaCheck_refusesABehindSchemaUnlessMigrating() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try await Store.open(.sqlite(path: dir.appendingPathComponent("e.sqlite").path), logger: Logger(label: "test"))
        let migrator = Migrator(engine: store.engine, now: { Date() })
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
