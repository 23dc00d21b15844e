import Foundation
import RapportCore
import RapportStore

/// Deals (商机). A user sees a deal exactly when they may see its customer; everyone who may see
/// it may work it (edit, move, close, reopen).
extension Rapport {
    /// One deal; `notFound` when it does not exist or its customer is outside the user's scope.
    public func deal(_ acting: Acting, _ id: DealID) async throws -> Deal {
        guard let found = try await store.read({ try await $0.deal(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "deal")
        }
        return found
    }

    /// Deals across the customers the user may see, filtered, newest first, keyset-paged.
    public func deals(_ acting: Acting, _ filter: DealFilter, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<Deal> {
        try await store.read { try await $0.deals(filter, scope: acting.scope, limit: limit, cursor: cursor) }
    }

    /// A customer's live deals (open first, by stage), for a user who may see the customer.
    public func deals(_ acting: Acting, of customerID: CustomerID) async throws -> [Deal] {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.deals(of: customerID) }
    }

    /// A deal's stage moves, oldest first.
    public func dealStageChanges(_ acting: Acting, _ id: DealID) async throws -> [DealStageChange] {
        _ = try await deal(acting, id)
        return try await store.read { try await $0.dealStageChanges(of: id) }
    }

    /// Opens a deal with a customer. The owner defaults to the customer's owner (else the acting
    /// user); key persons must belong to the customer; the first stage move is recorded.
    public func createDeal(_ acting: Acting, customerID: CustomerID, _ draft: DealDraft) async throws -> Deal {
        do { try draft.validate(current: nil) } catch { throw AppError.invalid(error.errors) }
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        guard let stageID = draft.stageID else { throw AppError.invalid([FieldError("stageID", "required")]) }
        _ = try await liveDealStage(stageID)
        let now = env.now()
        var deal = Deal(id: env.newID(), customerID: customerID, title: "", ownerID: parent.ownerID ?? acting.id, teamID: nil,
                        stageID: stageID, stageChangedAt: now, createdAt: now, updatedAt: now)
        draft.apply(to: &deal)
        deal.teamID = try await checkDealLinks(acting, deal, customer: parent, ownerChanged: true, contactsChanged: true)
        let change = DealStageChange(id: env.newID(), dealID: deal.id, fromStageID: nil, toStageID: stageID, userID: acting.id, at: now)
        let entry = try audit(acting.id, "deal", deal.id.description, .create, before: nil as Deal?, after: deal)
        let saved = deal
        try await store.write { session in
            try await session.insertDeal(saved)
            try await session.insertDealStageChange(change)
            try await session.appendAudit(entry)
            // An open deal makes a suspect a prospect.
            _ = try await self.refreshLifecycle(saved.customerID, in: session)
        }
        return deal
    }

    /// Changes a deal's title, amount, expected close date, next step, owner or key persons
    /// (stages change through `moveDeal`). Closed deals may still be corrected.
    public func updateDeal(_ acting: Acting, _ id: DealID, _ draft: DealDraft, version: Int) async throws -> Deal {
        let before = try await deal(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        do { try draft.validate(current: before) } catch { throw AppError.invalid(error.errors) }
        var after = before
        draft.apply(to: &after)
        let ownerChanged = after.ownerID != before.ownerID
        let contactsChanged = after.contactIDs != before.contactIDs
        if ownerChanged || contactsChanged {
            let parent = try await customer(acting, before.customerID)
            let team = try await checkDealLinks(acting, after, customer: parent, ownerChanged: ownerChanged,
                                                contactsChanged: contactsChanged)
            if ownerChanged { after.teamID = team }
        }
        after.updatedAt = env.now()
        after.version = before.version + 1
        return try await saveDeal(acting, before: before, after: after, action: .update, version: version,
                                  contactsChanged: contactsChanged)
    }

    /// Soft-deletes a deal entered by mistake (restorable).
    public func deleteDeal(_ acting: Acting, _ id: DealID) async throws -> Deal {
        try await setDealDeleted(acting, id, deleted: true)
    }

    /// Brings a deleted deal back (the undo of `deleteDeal`).
    public func restoreDeal(_ acting: Acting, _ id: DealID) async throws -> Deal {
        try await setDealDeleted(acting, id, deleted: false)
    }

    private func setDealDeleted(_ acting: Acting, _ id: DealID, deleted: Bool) async throws -> Deal {
        let before = try await deal(acting, id)
        guard (before.deletedAt != nil) != deleted else { return before }
        var after = before
        after.deletedAt = deleted ? env.now() : nil
        after.updatedAt = env.now()
        after.version += 1
        return try await saveDeal(acting, before: before, after: after, action: deleted ? .delete : .restore,
                                  version: before.version, contactsChanged: false)
    }

    /// Writes a changed deal with its audit line (and a stage change when given) in one transaction.
    func saveDeal(_ acting: Acting, before: Deal, after: Deal, action: AuditAction, version: Int,
                  contactsChanged: Bool, stageChange: DealStageChange? = nil) async throws -> Deal {
        let entry = try audit(acting.id, "deal", after.id.description, action, before: before, after: after)
        try await mapped("deal") {
            try await store.write { session in
                try await session.updateDeal(after, expectedVersion: version, contactsChanged: contactsChanged)
                if let stageChange { try await session.insertDealStageChange(stageChange) }
                try await session.appendAudit(entry)
                // Whether the customer has an open deal may have changed: its stage may follow.
                if before.state != after.state || (before.deletedAt == nil) != (after.deletedAt == nil) {
                    _ = try await self.refreshLifecycle(after.customerID, in: session)
                }
            }
        }
        return after
    }

    /// The owner must be an active user who may see the customer (reps: themselves or the
    /// customer's owner); key persons must be live contacts of the customer. Returns the owner's team.
    private func checkDealLinks(_ acting: Acting, _ deal: Deal, customer: Customer, ownerChanged: Bool,
                                contactsChanged: Bool) async throws -> TeamID? {
        var team = deal.teamID
        if ownerChanged {
            if acting.user.role == .rep, deal.ownerID != acting.id, deal.ownerID != customer.ownerID {
                throw AppError.forbidden(reason: "dealOwner")
            }
            guard let owner = try await store.read({ try await $0.user(deal.ownerID) })?.user, !owner.disabled else {
                throw AppError.invalid([FieldError("ownerID", "unknown")])
            }
            guard try await self.acting(owner).scope.contains(owner: customer.ownerID, team: customer.teamID) else {
                throw AppError.invalid([FieldError("ownerID", "noAccess")])
            }
            team = owner.teamID
        }
        if contactsChanged, !deal.contactIDs.isEmpty {
            let known = Set(try await store.read { try await $0.contacts(of: deal.customerID) }.map(\.id))
            if deal.contactIDs.contains(where: { !known.contains($0) }) {
                throw AppError.invalid([FieldError("contactIDs", "unknown")])
            }
        }
        return team
    }
}
