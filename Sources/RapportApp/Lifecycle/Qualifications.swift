import Foundation
import RapportCore
import RapportStore

/// The qualification checklist (资格审查): ability to pay, authority, need, with evidence and warnings.
public struct Qualifications: Sendable {
    let deps: Dependencies

    /// A customer's qualification checklist, with the warnings that apply (set by hand or following
    /// from facts: past orders make an old customer, a large size a big name).
    public func get(_ acting: Acting, of customerID: CustomerID) async throws -> Qualification {
        try await deps.read(acting, entity: .customer) { session in
            let parent = try await session.requireCustomer(customerID, live: false)
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
    public func update(_ acting: Acting, _ customerID: CustomerID, _ draft: QualificationDraft,
                                    version: Int) async throws -> Qualification {
        let parent = try await Customers(deps: deps).get(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let before = try await get(acting, of: customerID)
        do { try draft.validate(applyingTo: before) } catch { throw AppError.invalid(error.errors) }
        var after = draft.applied(to: before)
        after.updatedBy = acting.id
        after.updatedAt = deps.env.now()
        after.version = before.version + 1
        let entry = try deps.audit(acting.id, .qualification, customerID.description, before.version == 0 ? .create : .update,
                              before: before.version == 0 ? nil : before, after: after)
        let saved = after
        let deps = self.deps
        try await deps.write(acting, entity: .qualification) { session in
            try await session.saveQualification(saved, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
            _ = try await deps.refreshLifecycle(customerID, in: session)
        }
        return after
    }
}
