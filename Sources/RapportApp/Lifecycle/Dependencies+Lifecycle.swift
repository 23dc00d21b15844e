import Foundation
import RapportCore
import RapportStore

extension Dependencies {
    /// Recomputes one customer's stage from its facts inside the caller's transaction (order, deal,
    /// fact, referral and qualification changes use it); writes the stage and a history line only when
    /// the stage changed. Returns the current state. Goes through `derived`: a change may need it for
    /// a related customer the writer does not see (a referrer).
    func refreshLifecycle(_ customerID: CustomerID, in session: ScopedSession) async throws -> CustomerLifecycle {
        let current = try await session.derived.customerLifecycle(customerID)
        if let moved = try await refreshLifecycles([customerID], stored: [customerID: current?.stage], in: session).first {
            return moved
        }
        return current ?? .unknown(customerID)
    }

    /// `refreshLifecycle` for many customers in one transaction (an import's batch): their facts
    /// read in grouped queries, the changed stages written together.
    func refreshLifecycles(_ customers: [CustomerID], in session: ScopedSession) async throws {
        _ = try await refreshLifecycles(customers, stored: try await session.derived.storedStages(customers), in: session)
    }

    /// Writes the stages that differ from `stored` (a customer without a stored stage stays
    /// unstaged while it is a suspect) and answers them; keeps `has_orders` in step for all.
    private func refreshLifecycles(_ customers: [CustomerID], stored: [CustomerID: LifecycleStage?],
                                   in session: ScopedSession) async throws -> [CustomerLifecycle] {
        let upkeep = session.derived
        let now = env.now()
        let today = systemToday()
        let inputs = try await upkeep.lifecycleInputs(customers)
        try await upkeep.setHasOrders(inputs.mapValues { $0.orderCount > 0 })
        var rows: [(CustomerLifecycle, LifecycleChange, UUID)] = []
        for (id, facts) in inputs {
            let (stage, reason) = lifecycleStage(for: facts, policy: .standard, today: today)
            let current = stored[id] ?? nil
            if current == stage || (current == nil && stage == .suspect) { continue }
            rows.append((CustomerLifecycle(customerID: id, stage: stage, reason: reason, since: now, computedAt: now),
                         LifecycleChange(customerID: id, from: current, to: stage, reason: reason, month: LifecycleMonth.of(now), at: now),
                         env.newUUID()))
        }
        try await upkeep.saveLifecycles(rows)
        return rows.map(\.0)
    }
}

/// 'YYYY-MM' of an instant, in UTC (the month a stage move counts in).
enum LifecycleMonth {
    static func of(_ date: Date) -> String {
        let day = CalendarDate.today(in: .gmt, at: date)
        return String(format: "%04d-%02d", day.year, day.month)
    }
}
