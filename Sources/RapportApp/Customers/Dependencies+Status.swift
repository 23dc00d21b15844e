import Foundation
import RapportCore
import RapportStore

extension Dependencies {
    /// Applies `CustomerStatusRule` inside a write that changed the customer's records: when the
    /// records now call for another status, the customer is saved with it (version + 1) and an
    /// audit line, so its history says when and why the status moved.
    func settleStatus(_ acting: Acting, _ id: CustomerID, after event: CustomerStatusRule.Event,
                      in session: ScopedSession) async throws {
        guard let before = try await Customer.find(id, in: session), before.deletedAt == nil,
              let status = CustomerStatusRule.status(after: event, current: before.status) else { return }
        var after = before
        after.status = status
        after.updatedAt = env.now()
        after.version = before.version + 1
        try await Customer.save(after, expectedVersion: before.version, in: session)
        try await session.catalog.appendAudit(try audit(acting.id, .customer, before.id.description, .update,
                                                        before: before, after: after))
    }

    /// `settleStatus` for many customers after the same event (an import's batch): the changed
    /// ones saved and audited together.
    func settleStatuses(_ acting: Acting, _ ids: [CustomerID], after event: CustomerStatusRule.Event,
                        in session: ScopedSession) async throws {
        var changed: [(before: Customer, after: Customer)] = []
        for before in try await session.customers(ids).values where before.deletedAt == nil {
            guard let status = CustomerStatusRule.status(after: event, current: before.status) else { continue }
            var after = before
            after.status = status
            after.updatedAt = env.now()
            after.version = before.version + 1
            changed.append((before, after))
        }
        try await session.updateCustomerStatuses(changed.map(\.after))
        try await session.catalog.appendAudits(try changed.map {
            try audit(acting.id, .customer, $0.before.id.description, .update, before: $0.before, after: $0.after)
        })
    }

    /// `settleStatus` after an order was cancelled, deleted, restored or re-dated.
    func settleStatusAfterOrders(_ acting: Acting, _ id: CustomerID, in session: ScopedSession) async throws {
        let facts = try await session.statusFacts(of: id)
        try await settleStatus(acting, id, after: .ordersChanged(hasOrders: facts.hasOrders, runningTerm: facts.runningTerm),
                               in: session)
    }
}
