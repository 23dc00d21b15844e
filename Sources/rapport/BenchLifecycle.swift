import Foundation
import Logging
import RapportApp
import RapportCore
import RapportStore

/// The issue-4 part of `rapport bench --lifecycle`: on a dataset made by an earlier run (1M
/// customers with owners, key persons and activities), adds orders, deals and the public pool in
/// bulk, then measures the pipeline and the pool list over HTTP and the recycle pass and the
/// lifecycle recomputation in process.
enum BenchLifecycle {
    /// Adds the lifecycle data unless it is there already; returns the measured rep.
    static func fill(_ app: Rapport, ordersPerCustomer: Int) async throws -> User {
        guard let rep = try await app.user(username: "rep0") else { throw BenchError("no bench data: run an import first") }
        if try await app.store.read({ try await $0.benchHasLifecycle() }) {
            say("lifecycle data already there")
            return rep
        }
        let started = Date()
        let today = app.today(for: rep)
        try await app.store.write { session in
            try await session.rawBenchLifecycle(today: today, ordersPerCustomer: ordersPerCustomer, unownedEvery: 10,
                                                measured: rep.id, orderStatus: "confirmed", cancelledStatus: "cancelled")
            try await session.benchPoolRules(noFollowUpDays: 30, noDealDays: 90, warnDays: 3)
        }
        let counts = try await app.store.read { try await $0.benchLifecycleCounts() }
        say(String(format: "lifecycle data: %d orders, %d deals, %d customers in the pool, written in %.1f s",
                   counts.orders, counts.deals, counts.pooled, Date().timeIntervalSince(started)))
        return rep
    }
}
