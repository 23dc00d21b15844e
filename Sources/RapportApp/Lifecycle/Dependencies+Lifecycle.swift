import Foundation
import RapportCore
import RapportStore

extension Dependencies {
    /// Recomputes one customer's stage from its facts; writes the stage and a history line only
    /// when the stage changed. Returns the current state.
    /// Recomputes one customer's stage from its facts inside the caller's transaction (order, deal,
    /// fact, referral and qualification changes use it); writes the stage and a history line only when
    /// the stage changed. Returns the current state. Goes through `derived`: a change may need it for
    /// a related customer the writer does not see (a referrer).
    func refreshLifecycle(_ customerID: CustomerID, in session: ScopedSession) async throws -> CustomerLifecycle {
        let upkeep = session.derived
        let now = env.now()
        let facts = try await upkeep.lifecycleInputs(customerID)
        try await upkeep.setHasOrders(customerID, facts.orderCount > 0)
        let (stage, reason) = lifecycleStage(for: facts, policy: .standard, today: systemToday())
        let current = try await upkeep.customerLifecycle(customerID)
        if let current, current.stage == stage {
            return current
        }
        if current == nil && stage == .suspect { return .unknown(customerID) }
        let lifecycle = CustomerLifecycle(customerID: customerID, stage: stage, reason: reason, since: now, computedAt: now)
        let change = LifecycleChange(customerID: customerID, from: current?.stage, to: stage, reason: reason,
                                     month: LifecycleMonth.of(now), at: now)
        try await upkeep.saveLifecycle(lifecycle, change: change, changeID: env.newUUID())
        return lifecycle
    }
}

extension Dependencies {
    /// `refreshLifecycle` for many customers in one transaction (an import's batch): their facts
    /// read in grouped queries, the changed stages written together.
    func refreshLifecycles(_ customers: [CustomerID], in session: ScopedSession) async throws {
        let upkeep = session.derived
        let now = env.now()
        let today = systemToday()
        let inputs = try await upkeep.lifecycleInputs(customers)
        try await upkeep.setHasOrders(inputs.mapValues { $0.orderCount > 0 })
        let stored = try await upkeep.storedStages(customers)
        var rows: [(CustomerLifecycle, LifecycleChange, UUID)] = []
        for (id, facts) in inputs {
            let (stage, reason) = lifecycleStage(for: facts, policy: .standard, today: today)
            let current = stored[id]
            if current == stage || (current == nil && stage == .suspect) { continue }
            rows.append((CustomerLifecycle(customerID: id, stage: stage, reason: reason, since: now, computedAt: now),
                         LifecycleChange(customerID: id, from: current, to: stage, reason: reason, month: LifecycleMonth.of(now), at: now),
                         env.newUUID()))
        }
        try await upkeep.saveLifecycles(rows)
    }
}

/// 'YYYY-MM' of an instant, in UTC (the month a stage move counts in).
enum LifecycleMonth {
    static func of(_ date: Date) -> String {
        let day = CalendarDate.today(in: .gmt, at: date)
        return String(format: "%04d-%02d", day.year, day.month)
    }
}
