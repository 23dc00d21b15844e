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
    static func fill(_ app: Rapport, _ store: Store, ordersPerCustomer: Int) async throws -> User {
        guard let rep = try await app.accounts.user(username: "rep0") else { throw BenchError("no bench data: run an import first") }
        let bench = SystemPurpose.command("bench")
        if try await store.systemRead(bench, { try await $0.benchHasLifecycle() }) {
            try await store.systemWrite(bench) { try await $0.benchPoolRules(noFollowUpDays: 40, noDealDays: 500, warnDays: 3) }
            say("lifecycle data already there")
            return rep
        }
        let started = Date()
        let today = app.today(for: rep)
        try await store.systemWrite(bench) { session in
            try await session.rawBenchLifecycle(today: today, ordersPerCustomer: ordersPerCustomer, unownedEvery: 10,
                                                measured: rep.id, orderStatus: "confirmed", cancelledStatus: "cancelled")
            try await session.benchPoolRules(noFollowUpDays: 40, noDealDays: 500, warnDays: 3)
        }
        let counts = try await store.systemRead(bench) { try await $0.benchLifecycleCounts() }
        say(String(format: "lifecycle data: %d orders, %d deals, %d customers in the pool, written in %.1f s",
                   counts.orders, counts.deals, counts.pooled, Date().timeIntervalSince(started)))
        return rep
    }

    /// Recomputes every customer's stage twice (the first pass writes every stage that changed,
    /// the second is the steady state a nightly job sees), then runs the recycle pass as a dry run
    /// and for real. The second recomputation and the real recycle pass claim today's and this
    /// hour's job periods, as the server's jobs would, so the server started next does not run them
    /// again while it is measured.
    static func measureInProcess(_ app: Rapport) async throws {
        var started = Date()
        let first = try await app.background.recomputeAllLifecycles()
        say(String(format: "lifecycle recomputation (first pass): %.1f s for %d customers, %d changed",
                   Date().timeIntervalSince(started), first.examined, first.changed))
        started = Date()
        let second: LifecycleRecount
        if let claimed = try await app.background.recomputeLifecyclesIfDue(process: "bench") {
            second = claimed
        } else {
            second = try await app.background.recomputeAllLifecycles()
        }
        say(String(format: "lifecycle recomputation (second pass): %.1f s for %d customers, %d changed",
                   Date().timeIntervalSince(started), second.examined, second.changed))
        started = Date()
        let dry = try await app.background.runRecyclePass(dryRun: true)
        say(String(format: "recycle pass (dry run): %.1f s, %d owned customers judged, %d to recycle, %d to warn",
                   Date().timeIntervalSince(started), dry.judged, dry.recycled.count, dry.warned.count))
        started = Date()
        let real: RecycleReport
        if let due = try await app.background.runRecyclePassIfDue(process: "bench") {
            real = due
        } else {
            real = try await app.background.runRecyclePass()
        }
        say(String(format: "recycle pass: %.1f s, %d owned customers judged, %d recycled, %d warned",
                   Date().timeIntervalSince(started), real.judged, real.recycled.count, real.warned.count))
    }

    /// The kanban and the pool list as the rep's browser loads them (session cookie), and the
    /// same data through the API (bearer token).
    static func measureServer(port: Int, requests: Int, token: String, cookie: String) async throws {
        let site = "http://127.0.0.1:\(port)"
        let pool = CatalogSession.defaultPoolID.description
        let scenarios: [(String, String, String)] = [
            ("pipeline page /deals (rep, own deals: the default)", "\(site)/deals", "Cookie: rapport_session=\(cookie)"),
            ("pipeline page /deals?owner=all (rep, every deal on their customers)", "\(site)/deals?owner=all",
             "Cookie: rapport_session=\(cookie)"),
            ("pool list page /pool (rep)", "\(site)/pool", "Cookie: rapport_session=\(cookie)"),
            ("pipeline API ?owner=me (rep)", "\(site)/api/v1/pipeline?owner=me", "Authorization: Bearer \(token)"),
            ("pipeline API (rep, every deal on their customers)", "\(site)/api/v1/pipeline", "Authorization: Bearer \(token)"),
            ("agenda API (rep)", "\(site)/api/v1/agenda", "Authorization: Bearer \(token)"),
            ("pool list API (rep, first page)", "\(site)/api/v1/pools/\(pool)/customers?limit=50", "Authorization: Bearer \(token)"),
        ]
        for (name, url, header) in scenarios {
            let result = try await BenchHTTP.measure(count: requests, header: header, url: { _ in url })
            say(String(format: "%@: p50 %.2f ms, p99 %.2f ms (%d requests)", name, result.p50, result.p99, requests))
        }
    }
}
