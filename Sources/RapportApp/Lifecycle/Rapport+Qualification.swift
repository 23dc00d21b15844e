import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// A customer's qualification checklist, with the warnings that apply (set by hand or following
    /// from facts: past orders make an old customer, a large size a big name).
    public func qualification(_ acting: Acting, of customerID: CustomerID) async throws -> Qualification {
        let parent = try await customer(acting, customerID)
        return try await store.read { session in
            var q = try await session.qualification(of: customerID) ?? Qualification(customerID: customerID)
            var automatic: [QualificationWarning] = []
            if try await session.hasPastOrders(customerID) { automatic.append(.oldCustomer) }
            if parent.size == .large { automatic.append(.bigName) }
            q.automaticWarnings = automatic
            return q
        }
    }

    /// Changes the checklist (a "yes" needs its evidence) and refreshes the customer's stage
    /// (a prospect whose three checks are yes is qualified).
    public func updateQualification(_ acting: Acting, _ customerID: CustomerID, _ draft: QualificationDraft,
                                    version: Int) async throws -> Qualification {
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let before = try await qualification(acting, of: customerID)
        do { try draft.validate(applyingTo: before) } catch { throw AppError.invalid(error.errors) }
        var after = draft.applied(to: before)
        after.updatedBy = acting.id
        after.updatedAt = env.now()
        after.version = before.version + 1
        let entry = try audit(acting.id, "qualification", customerID.description, before.version == 0 ? .create : .update,
                              before: before.version == 0 ? nil : before, after: after)
        let saved = after
        try await mapped("qualification") {
            try await store.write { session in
                try await session.saveQualification(saved, expectedVersion: version)
                try await session.appendAudit(entry)
                _ = try await self.refreshLifecycle(customerID, in: session)
            }
        }
        return after
    }
}
