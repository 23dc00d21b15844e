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

/// Customer lifecycle stages (八个阶段): the stage with its history and facts, the report, recorded facts.
public struct Lifecycles: Sendable {
    let deps: Dependencies

    /// A customer's stage, why, its history and recorded facts, for a user who may see the customer.
    public func get(_ acting: Acting, of customerID: CustomerID) async throws -> CustomerLifecycleView {
        try await deps.read(acting, entity: .customer) { session in
            CustomerLifecycleView(
                lifecycle: try await session.customerLifecycle(customerID) ?? .unknown(customerID),
                history: try await session.lifecycleChanges(of: customerID),
                facts: try await session.lifecycleFacts(of: customerID))
        }
    }

    /// Counts per stage over the customers the user may see, and the monthly flow for `months` months.
    public func summary(_ acting: Acting, months: Int = 12) async throws -> LifecycleSummary {
        let today = deps.systemToday()
        let index = today.year * 12 + today.month - 1 - (max(1, months) - 1)
        let from = String(format: "%04d-%02d", index / 12, index % 12 + 1)
        return try await deps.read(acting) { try await $0.lifecycleSummary(fromMonth: from) }
    }

    /// Records exclusivity or a partnership with its evidence, and refreshes the customer's stage.
    public func recordFact(_ acting: Acting, customerID: CustomerID, kind: LifecycleFactKind,
                                    evidence: String?) async throws -> LifecycleFact {
        do { try LifecycleFact.validate(evidence: evidence) } catch { throw AppError.invalid(error.errors) }
        let fact = LifecycleFact(id: deps.env.newID(), customerID: customerID, kind: kind,
                                 evidence: (evidence ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                 recordedBy: acting.id, recordedAt: deps.env.now())
        let entry = try deps.audit(acting.id, .lifecycleFact, fact.id.description, .create, before: nil as LifecycleFact?, after: fact)
        let deps = self.deps
        try await deps.write(acting, entity: .customer) { session in
            try await session.insertLifecycleFact(fact)
            try await session.catalog.appendAudit(entry)
            _ = try await deps.refreshLifecycle(customerID, in: session)
        }
        return fact
    }

    /// Revokes a recorded fact (it stays listed as revoked) and refreshes the customer's stage.
    public func revokeFact(_ acting: Acting, customerID: CustomerID, _ id: LifecycleFactID) async throws -> LifecycleFact {
        let parent = try await Customers(deps: deps).get(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        guard let before = try await deps.read(acting, { try await $0.lifecycleFact(id) }), before.customerID == customerID else {
            throw AppError.notFound(entity: .lifecycleFact)
        }
        guard before.revokedAt == nil else { return before }
        var after = before
        after.revokedAt = deps.env.now()
        after.revokedBy = acting.id
        let entry = try deps.audit(acting.id, .lifecycleFact, id.description, .delete, before: before, after: after)
        let revoked = after
        let deps = self.deps
        let at = revoked.revokedAt ?? deps.env.now()
        try await deps.write(acting, entity: .customer) { session in
            guard try await session.revokeLifecycleFact(id, by: acting.id, at: at) else { return }
            try await session.catalog.appendAudit(entry)
            _ = try await deps.refreshLifecycle(customerID, in: session)
        }
        return after
    }
}
