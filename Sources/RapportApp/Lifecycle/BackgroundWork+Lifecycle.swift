import Foundation
import RapportCore
import RapportStore

extension BackgroundWork {
    public static let lifecycleRecomputeJob = "lifecycle-recompute"

    /// Recomputes every customer's stage once per UTC day across all processes sharing the
    /// database (the first process to claim the day runs it; time passing alone can end a
    /// long-term relationship). Nil when this day was already claimed.
    public func recomputeLifecyclesIfDue(process: String) async throws -> LifecycleRecount? {
        try await runIfDue(Self.lifecycleRecomputeJob, period: deps.systemToday().description, process: process) { _ in
            try await recomputeAllLifecycles()
        }
    }

    /// Recomputes every customer's stage set-based (one aggregate pass over the orders), then
    /// writes the changed ones in batches, each with its history line.
    public func recomputeAllLifecycles(batchSize: Int = 5000) async throws -> LifecycleRecount {
        let started = Date()
        let policy = LifecyclePolicy.standard
        let today = deps.systemToday()
        let purpose = SystemPurpose.job("lifecycle-recompute")
        let (changes, examined) = try await deps.systemRead(purpose) { try await $0.lifecycleStageChanges(policy: policy, today: today) }
        let now = deps.env.now()
        let month = LifecycleMonth.of(now)
        var into: [String: Int] = [:]
        var start = 0
        while start < changes.count {
            let batch = changes[start..<min(changes.count, start + max(1, batchSize))].map { c in
                (CustomerLifecycle(customerID: c.customerID, stage: c.to, reason: c.reason, since: now, computedAt: now),
                 LifecycleChange(customerID: c.customerID, from: c.from, to: c.to, reason: c.reason, month: month, at: now),
                 deps.env.newUUID())
            }
            start += max(1, batchSize)
            try await deps.systemWrite(purpose) { try await $0.upsertLifecycles(batch) }
        }
        for change in changes { into[change.to.rawValue, default: 0] += 1 }
        return LifecycleRecount(examined: examined, changed: changes.count, changedInto: into,
                                seconds: Date().timeIntervalSince(started))
    }
}
