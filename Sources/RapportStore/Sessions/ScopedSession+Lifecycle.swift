import Foundation
import RapportCore
import SQLKit

/// A visible customer's lifecycle: stage, history, recorded facts, qualification.
extension ScopedSession {
    /// A visible customer's stored stage; nil when it was never computed (a suspect).
    public func customerLifecycle(_ id: CustomerID) async throws -> CustomerLifecycle? {
        try await requireCustomer(id, live: false)
        return try await raw.customerLifecycle(id)
    }

    /// A visible customer's stage moves, newest first.
    public func lifecycleChanges(of id: CustomerID, limit: Int = 100) async throws -> [LifecycleChange] {
        try await requireCustomer(id, live: false)
        return try await raw.lifecycleChanges(of: id, limit: limit)
    }

    /// Counts per stage over the customers inside the scope, and the monthly flow from `fromMonth`.
    public func lifecycleSummary(fromMonth: String) async throws -> LifecycleSummary {
        try await raw.lifecycleSummary(scope: scope, fromMonth: fromMonth)
    }

    /// The same summary counted from the customers and their moves instead of the kept tallies:
    /// what the tallies must equal (tests check every kind of write against it).
    public func lifecycleSummaryCounted(fromMonth: String) async throws -> LifecycleSummary {
        try await raw.lifecycleSummaryCounted(scope: scope, fromMonth: fromMonth)
    }

    /// Records a fact (exclusivity, partnership) about a visible, live customer.
    public func insertLifecycleFact(_ fact: LifecycleFact) async throws {
        try await requireCustomer(fact.customerID, live: true)
        try await raw.insertLifecycleFact(fact)
    }

    /// A fact of a visible customer.
    public func lifecycleFact(_ id: LifecycleFactID) async throws -> LifecycleFact? {
        guard let fact = try await raw.lifecycleFact(id), try await customer(fact.customerID) != nil else { return nil }
        return fact
    }

    /// A visible customer's recorded facts, live ones first, newest first.
    public func lifecycleFacts(of customer: CustomerID) async throws -> [LifecycleFact] {
        try await requireCustomer(customer, live: false)
        return try await raw.lifecycleFacts(of: customer)
    }

    /// Revokes a live fact of a visible customer; `true` when this call revoked it.
    public func revokeLifecycleFact(_ id: LifecycleFactID, by user: UserID, at: Date) async throws -> Bool {
        guard try await lifecycleFact(id) != nil else { throw StoreError.notFound }
        return try await raw.revokeLifecycleFact(id, by: user, at: at)
    }

    /// A visible customer's qualification checklist, if one was started.
    public func qualification(of customer: CustomerID) async throws -> Qualification? {
        try await requireCustomer(customer, live: false)
        return try await raw.qualification(of: customer)
    }

    /// Writes a visible, live customer's qualification (`expectedVersion` 0 creates it).
    public func saveQualification(_ q: Qualification, expectedVersion: Int) async throws {
        try await requireCustomer(q.customerID, live: true)
        try await raw.saveQualification(q, expectedVersion: expectedVersion)
    }

    /// Whether a visible customer has any live order.
    public func hasPastOrders(_ customer: CustomerID) async throws -> Bool {
        try await requireCustomer(customer, live: false)
        return try await raw.hasPastOrders(customer)
    }
}

/// Upkeep of what is derived from a customer's own records — its lifecycle stage and `has_orders`.
/// A change the writer may make can require it for a related customer they do not see (a referral
/// moved away from a referrer now owned by someone else): it reads only that customer's own facts,
/// writes only the derived state, and the use case shows the caller nothing of it. Reached as
/// `ScopedSession.derived`, so every use stands out in review.
public struct DerivedUpkeep: Sendable {
    let raw: StoreSession

    /// The customer's stored stage; nil when never computed.
    public func customerLifecycle(_ id: CustomerID) async throws -> CustomerLifecycle? {
        try await raw.customerLifecycle(id)
    }
}

extension ScopedSession {
    /// See `DerivedUpkeep`.
    public var derived: DerivedUpkeep { DerivedUpkeep(raw: raw) }
}

extension SystemSession {
    /// Writes stages and their history lines in batches (the set-based recompute).
    public func upsertLifecycles(_ rows: [(CustomerLifecycle, LifecycleChange, UUID)]) async throws {
        try await raw.upsertLifecycles(rows)
    }

    /// Every customer whose stage the rules now put elsewhere, from one pass over the orders.
    public func lifecycleStageChanges(policy: LifecyclePolicy, today: CalendarDate) async throws
        -> (changes: [LifecycleStageChange], examined: Int) {
        try await raw.lifecycleStageChanges(policy: policy, today: today)
    }
}
