import Foundation
import RapportCore
import RapportStore

/// A customer's stage with its history and recorded facts (the API's and the page's view).
public struct CustomerLifecycleView: Sendable, Codable, Equatable {
    public var lifecycle: CustomerLifecycle
    /// Newest first.
    public var history: [LifecycleChange]
    /// Live facts first; revoked ones stay listed.
    public var facts: [LifecycleFact]
}

/// What a full recompute did.
public struct LifecycleRecount: Sendable, Codable, Equatable {
    /// Customers whose facts were evaluated (those with any fact or a stored stage).
    public var examined: Int
    /// Customers whose stage changed (and got a history line).
    public var changed: Int
    /// Changes by the stage they moved into.
    public var changedInto: [String: Int]
    public var seconds: Double
}

extension Rapport {
    /// The stage rules' thresholds (the defaults; one place to make them configurable).
    public var lifecyclePolicy: LifecyclePolicy { .standard }

    /// A customer's stage, why, its history and recorded facts, for a user who may see the customer.
    public func lifecycle(_ acting: Acting, of customerID: CustomerID) async throws -> CustomerLifecycleView {
        _ = try await customer(acting, customerID)
        return try await store.read { session in
            CustomerLifecycleView(
                lifecycle: try await session.customerLifecycle(customerID) ?? .unknown(customerID),
                history: try await session.lifecycleChanges(of: customerID),
                facts: try await session.lifecycleFacts(of: customerID))
        }
    }

    /// Recomputes one customer's stage from its facts; writes the stage and a history line only
    /// when the stage changed. Returns the current state.
    @discardableResult
    public func refreshLifecycle(_ customerID: CustomerID) async throws -> CustomerLifecycle {
        try await store.write { session in try await self.refreshLifecycle(customerID, in: session) }
    }

    /// The same inside a caller's transaction (fact, referral and qualification changes use it).
    func refreshLifecycle(_ customerID: CustomerID, in session: StoreSession) async throws -> CustomerLifecycle {
        let now = env.now()
        let facts = try await session.lifecycleInputs(customerID)
        try await session.setHasOrders(customerID, facts.orderCount > 0)
        let (stage, reason) = lifecycleStage(for: facts, policy: lifecyclePolicy, today: systemToday())
        let current = try await session.customerLifecycle(customerID)
        if let current, current.stage == stage {
            return current
        }
        if current == nil && stage == .suspect { return .unknown(customerID) }
        let lifecycle = CustomerLifecycle(customerID: customerID, stage: stage, reason: reason, since: now, computedAt: now)
        let change = LifecycleChange(customerID: customerID, from: current?.stage, to: stage, reason: reason,
                                     month: Self.month(of: now), at: now)
        try await session.saveLifecycle(lifecycle, change: change, changeID: env.newUUID())
        return lifecycle
    }

    /// Recomputes every customer's stage set-based (one aggregate pass over the orders), then
    /// writes the changed ones in batches, each with its history line.
    public func recomputeAllLifecycles(batchSize: Int = 5000) async throws -> LifecycleRecount {
        let started = Date()
        let policy = lifecyclePolicy
        let today = systemToday()
        let (changes, examined) = try await store.read { try await $0.lifecycleStageChanges(policy: policy, today: today) }
        let now = env.now()
        let month = Self.month(of: now)
        var into: [String: Int] = [:]
        var start = 0
        while start < changes.count {
            let batch = changes[start..<min(changes.count, start + max(1, batchSize))].map { c in
                (CustomerLifecycle(customerID: c.customerID, stage: c.to, reason: c.reason, since: now, computedAt: now),
                 LifecycleChange(customerID: c.customerID, from: c.from, to: c.to, reason: c.reason, month: month, at: now),
                 env.newUUID())
            }
            start += max(1, batchSize)
            try await store.write { try await $0.upsertLifecycles(batch) }
        }
        for change in changes { into[change.to.rawValue, default: 0] += 1 }
        return LifecycleRecount(examined: examined, changed: changes.count, changedInto: into,
                                seconds: Date().timeIntervalSince(started))
    }

    /// Counts per stage over the customers the user may see, and the monthly flow for `months` months.
    public func lifecycleSummary(_ acting: Acting, months: Int = 12) async throws -> LifecycleSummary {
        let today = systemToday()
        let index = today.year * 12 + today.month - 1 - (max(1, months) - 1)
        let from = String(format: "%04d-%02d", index / 12, index % 12 + 1)
        return try await store.read { try await $0.lifecycleSummary(scope: acting.scope, fromMonth: from) }
    }

    /// Records exclusivity or a partnership with its evidence, and refreshes the customer's stage.
    public func recordLifecycleFact(_ acting: Acting, customerID: CustomerID, kind: LifecycleFactKind,
                                    evidence: String?) async throws -> LifecycleFact {
        do { try LifecycleFact.validate(evidence: evidence) } catch { throw AppError.invalid(error.errors) }
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let fact = LifecycleFact(id: env.newID(), customerID: customerID, kind: kind,
                                 evidence: (evidence ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                 recordedBy: acting.id, recordedAt: env.now())
        let entry = try audit(acting.id, "lifecycleFact", fact.id.description, .create, before: nil as LifecycleFact?, after: fact)
        try await store.write { session in
            try await session.insertLifecycleFact(fact)
            try await session.appendAudit(entry)
            _ = try await self.refreshLifecycle(customerID, in: session)
        }
        return fact
    }

    /// Revokes a recorded fact (it stays listed as revoked) and refreshes the customer's stage.
    public func revokeLifecycleFact(_ acting: Acting, customerID: CustomerID, _ id: LifecycleFactID) async throws -> LifecycleFact {
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        guard let before = try await store.read({ try await $0.lifecycleFact(id) }), before.customerID == customerID else {
            throw AppError.notFound(entity: "lifecycleFact")
        }
        guard before.revokedAt == nil else { return before }
        var after = before
        after.revokedAt = env.now()
        after.revokedBy = acting.id
        let entry = try audit(acting.id, "lifecycleFact", id.description, .delete, before: before, after: after)
        let revoked = after
        try await store.write { session in
            guard try await session.revokeLifecycleFact(id, by: acting.id, at: revoked.revokedAt ?? Date()) else { return }
            try await session.appendAudit(entry)
            _ = try await self.refreshLifecycle(customerID, in: session)
        }
        return after
    }

    /// The calendar day the stage rules use for background work (UTC).
    func systemToday() -> CalendarDate {
        CalendarDate.today(in: .gmt, at: env.now())
    }

    /// 'YYYY-MM' of an instant, in UTC.
    static func month(of date: Date) -> String {
        let day = CalendarDate.today(in: .gmt, at: date)
        return String(format: "%04d-%02d", day.year, day.month)
    }
}
