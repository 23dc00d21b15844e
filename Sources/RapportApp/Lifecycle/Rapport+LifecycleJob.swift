import Foundation
import RapportCore
import RapportStore

extension Rapport {
    static let lifecycleRecomputeJob = "lifecycle-recompute"

    /// Recomputes every customer's stage once per UTC day across all processes sharing the
    /// database (the first process to claim the day runs it; time passing alone can end a
    /// long-term relationship). Nil when this day was already claimed.
    public func recomputeLifecyclesIfDue(process: String) async throws -> LifecycleRecount? {
        let now = env.now()
        let period = systemToday().description
        let mine = try await store.write {
            try await $0.claimJobPeriod(job: Self.lifecycleRecomputeJob, period: period, by: process, at: now)
        }
        guard mine else { return nil }
        let recount = try await recomputeAllLifecycles()
        try await store.write { try await $0.finishJobPeriod(job: Self.lifecycleRecomputeJob, period: period, at: self.env.now()) }
        return recount
    }
}
