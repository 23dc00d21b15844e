import Foundation
import RapportCore
@testable import RapportStore
import RapportTestSupport
import SQLKit
import Testing

/// The planner's statistics: without them SQLite guesses that one owner has few customers and
/// answers "these 25 customers, if they are mine" by walking the owner's whole index;
/// `refreshStatistics` gathers them, after which the ids are looked up directly.
@Suite struct PlannerStatisticsTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: TestEngine.available)
    func refreshStatistics_makesTheIdLookupUseTheIdIndex(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let owner = UserID(UUID()), team = TeamID(UUID())
        try await db.all { session in
            try await session.catalog.insertTeam(Team(id: team, name: "统计", managerID: nil, createdAt: Self.t0, updatedAt: Self.t0, version: 1))
            try await session.catalog.insertUser(User(id: owner, username: "stats", displayName: "u", role: .rep, teamID: team,
                                                      language: nil, timeZone: "UTC", disabled: false, mustChangePassword: false,
                                                      createdAt: Self.t0, updatedAt: Self.t0, version: 1), passwordHash: "x")
        }
        let customers = (0..<3000).map {
            Customer(id: CustomerID(UUID()), name: "统计客户\($0)", kind: .enterprise, ownerID: owner, teamID: team,
                     createdAt: Self.t0, updatedAt: Self.t0)
        }
        for slice in customers.batches(of: 500) {
            let batch = Array(slice)
            let prepared = try db.store.prepareCustomerInserts(batch)
            try await db.all { try await $0.insertCustomers(prepared, batch: batch) }
        }
        let refreshed = try await db.store.refreshStatistics()
        #expect(refreshed == (engine == .sqlite))
        guard engine == .sqlite else { return try await db.drop() }
        let ids = customers.prefix(25).map(\.id.description)
        let plan = try await db.store.engine.read { sql in
            try await sql.raw("""
                EXPLAIN QUERY PLAN SELECT c.id FROM customers c
                WHERE c.id IN (\(binds: ids)) AND c.owner_id = \(bind: owner.description)
                """).all().map { try $0.decode(column: "detail", as: String.self) }
        }
        #expect(plan.contains { $0.contains("sqlite_autoindex_customers_1") }, "\(plan)")
        let gathered = try await db.store.engine.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'customers'").first()?.decode(column: "n", as: Int.self)
        }
        #expect((gathered ?? 0) > 0)
        try await db.drop()
    }
}
