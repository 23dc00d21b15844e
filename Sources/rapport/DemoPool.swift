import Foundation
import RapportApp
import RapportCore

/// The demo public pool: recycle rules on the default pool (no follow-up for 30 days, warned 3
/// days ahead) and a few customers released into it, so /pool has customers to claim.
enum DemoPool {
    static let reasons = ["客户暂无预算 No budget this year", "联系人离职 The contact left", "需求不匹配 Needs do not match"]

    static func fill(_ app: Rapport, admin: Acting) async throws {
        let pools = try await app.pools.list(admin)
        if let pool = pools.first(where: \.isDefault) {
            _ = try await app.pools.update(admin, pool.id, PoolDraft(noFollowUpDays: .some(30), warnDays: 3), version: pool.version)
        }
        let customers = try await app.customers.list(admin, CustomerQuery(sort: .createdAt, descending: true, limit: 12)).items
            .filter { $0.ownerID != nil }
        var released = 0
        for (index, customer) in customers.prefix(6).enumerated() {
            try await app.pools.release(admin, customer.id, reason: reasons[index % reasons.count])
            released += 1
        }
        print("Released \(released) customers into the public pool (公海).")
    }
}
