import Foundation
import RapportCore
import RapportStore

/// Deals (商机). A user sees a deal exactly when they may see its customer; everyone who may see
/// it may work it (edit, move, close, reopen).
public struct Deals: Sendable {
    let deps: Dependencies

    /// One deal; `notFound` when it does not exist or its customer is outside the user's scope.
    public func get(_ acting: Acting, _ id: DealID) async throws -> Deal {
        try await deps.read(acting, entity: Deal.recordKind) { session in
            guard let found = try await session.record(Deal.self, id) else { throw StoreError.notFound }
            return found
        }
    }

    /// Deals across the customers the user may see, filtered, newest first, keyset-paged.
    public func search(_ acting: Acting, _ filter: DealFilter, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<Deal> {
        try await deps.read(acting) { try await $0.deals(filter, limit: limit, cursor: cursor) }
    }

    /// A customer's live deals (open first, by stage), for a user who may see the customer.
    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [Deal] {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.deals(of: customerID)
        }
    }

    /// A deal's stage moves, oldest first.
    public func stageChanges(_ acting: Acting, _ id: DealID) async throws -> [DealStageChange] {
        try await deps.read(acting, entity: Deal.recordKind) { try await $0.dealStageChanges(of: id) }
    }

    /// Opens a deal with a customer. The owner defaults to the customer's owner (else the acting
    /// user); key persons must belong to the customer; the first stage move is recorded.
    public func create(_ acting: Acting, customerID: CustomerID, _ draft: DealDraft) async throws -> Deal {
        do { try draft.validate(current: nil) } catch { throw AppError.invalid(error.errors) }
        guard let stageID = draft.stageID else { throw AppError.invalid([FieldError("stageID", .required)]) }
        _ = try await DealStages(deps: deps).live(acting, stageID)
        let now = deps.env.now()
        let dealID: DealID = deps.env.newID()
        let changeID: DealStageChangeID = deps.env.newID()
        let deps = self.deps
        return try await deps.write(acting, entity: .customer) { session in
            let parent = try await session.requireCustomer(customerID, live: true)
            var deal = Deal(id: dealID, customerID: customerID, title: "", ownerID: parent.ownerID ?? acting.id, teamID: nil,
                            stageID: stageID, stageChangedAt: now, createdAt: now, updatedAt: now)
            draft.apply(to: &deal)
            deal.teamID = try await Self.ownerTeam(acting, deal, customer: parent, deps: deps)
            try await session.insert(deal)
            try await session.insertDealStageChange(DealStageChange(id: changeID, dealID: deal.id, fromStageID: nil,
                                                                    toStageID: stageID, userID: acting.id, at: now))
            try await session.catalog.appendAudit(try deps.audit(acting.id, Deal.recordKind, deal.id.description, .create,
                                                                 before: nil as Deal?, after: deal))
            // An open deal makes a suspect a prospect.
            _ = try await deps.refreshLifecycle(customerID, in: session)
            return deal
        }
    }

    /// Changes a deal's title, amount, expected close date, next step, owner or key persons
    /// (stages change through `move`). Closed deals may still be corrected.
    public func update(_ acting: Acting, _ id: DealID, _ draft: DealDraft, version: Int) async throws -> Deal {
        try await change(acting, id, version: version) { deal, session in
            do { try draft.validate(current: deal) } catch let failed as ValidationFailed { throw AppError.invalid(failed.errors) }
            let before = deal
            draft.apply(to: &deal)
            if deal.ownerID != before.ownerID {
                let parent = try await session.requireCustomer(deal.customerID, live: true)
                deal.teamID = try await Self.ownerTeam(acting, deal, customer: parent, deps: deps)
            }
            return nil
        }
    }

    /// Soft-deletes a deal entered by mistake (restorable).
    public func delete(_ acting: Acting, _ id: DealID) async throws -> Deal {
        try await setDeleted(acting, id, deleted: true)
    }

    /// Brings a deleted deal back (the undo of `delete`).
    public func restore(_ acting: Acting, _ id: DealID) async throws -> Deal {
        try await setDeleted(acting, id, deleted: false)
    }

    /// Moves an open deal to another stage and records the move (`deal_stage_changes`).
    public func move(_ acting: Acting, _ id: DealID, to stageID: DealStageID, version: Int) async throws -> Deal {
        _ = try await DealStages(deps: deps).live(acting, stageID)
        let now = deps.env.now()
        let changeID: DealStageChangeID = deps.env.newID()
        let current = try await get(acting, id)
        if current.deletedAt == nil, current.stageID == stageID, current.state == .open {
            guard current.version == version else { throw AppError.conflict(currentVersion: current.version) }
            return current
        }
        return try await change(acting, id, version: version) { deal, _ in
            let before = deal
            do { deal = try deal.moved(to: stageID, at: now) } catch let failed as ValidationFailed { throw AppError.invalid(failed.errors) }
            return DealStageChange(id: changeID, dealID: id, fromStageID: before.stageID, toStageID: stageID,
                                   userID: acting.id, at: now)
        }
    }

    /// Closes an open deal as won; the reason is required. The close day is the user's today.
    public func win(_ acting: Acting, _ id: DealID, reason: String, version: Int) async throws -> Deal {
        try await close(acting, id, won: true, reason: reason, version: version)
    }

    /// Closes an open deal as lost; the reason is required.
    public func lose(_ acting: Acting, _ id: DealID, reason: String, version: Int) async throws -> Deal {
        try await close(acting, id, won: false, reason: reason, version: version)
    }

    private func close(_ acting: Acting, _ id: DealID, won: Bool, reason: String, version: Int) async throws -> Deal {
        let today = deps.today(for: acting.user)
        return try await change(acting, id, version: version) { deal, _ in
            do { deal = try deal.closed(won: won, reason: reason, on: today) } catch let failed as ValidationFailed { throw AppError.invalid(failed.errors) }
            return nil
        }
    }

    /// Opens a won or lost deal again, in `stageID` (default: the stage it was closed in); a stage
    /// change is recorded when it lands elsewhere. A deal that created its order stays closed.
    public func reopen(_ acting: Acting, _ id: DealID, stageID: DealStageID?, version: Int) async throws -> Deal {
        if let stageID { _ = try await DealStages(deps: deps).live(acting, stageID) }
        let now = deps.env.now()
        let changeID: DealStageChangeID = deps.env.newID()
        return try await change(acting, id, version: version) { deal, session in
            let before = deal
            let target = stageID ?? before.stageID
            if stageID == nil { try await session.check([.stage(target, field: "stageID")], customer: deal.customerID) }
            do { deal = try deal.reopened(in: target, at: now) } catch let failed as ValidationFailed { throw AppError.invalid(failed.errors) }
            return deal.stageID == before.stageID ? nil
                : DealStageChange(id: changeID, dealID: id, fromStageID: before.stageID, toStageID: deal.stageID,
                                  userID: acting.id, at: now)
        }
    }

    /// Creates the order of a won deal: one line described by the deal's title, quantity 1, unit
    /// price = the deal's amount, credited to the deal's owner and linked back by `dealID`; then
    /// stores the order's id on the deal. Refused (field `state`) unless the deal is won and has no
    /// order yet; a stale `version` is a conflict before any order is made.
    public func createOrder(_ acting: Acting, _ id: DealID, version: Int) async throws -> Deal {
        let before = try await get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        guard before.version == version else { throw AppError.conflict(currentVersion: before.version) }
        guard before.canCreateOrder else {
            throw AppError.invalid([FieldError("state", before.orderID == nil ? .notWon : .hasOrder)])
        }
        // An earlier attempt may have made the order and then lost the race to save the deal: link that one.
        let orderID: OrderID
        if let existing = try await deps.read(acting, { try await $0.orderID(ofDeal: id) }) {
            orderID = existing
        } else {
            let line = OrderLineDraft(description: before.title, quantity: 1, unitPrice: before.amount)
            let draft = OrderDraft(orderedOn: before.closedOn, repID: before.ownerID, dealID: before.id,
                                   currency: before.currency, lines: [line])
            orderID = try await Orders(deps: deps).create(acting, customerID: before.customerID, draft).id
        }
        return try await change(acting, id, version: version) { deal, _ in
            deal.orderID = orderID
            return nil
        }
    }

    /// The one change path for deals: the generic record change, plus the stage move it records and
    /// the customer's stage refresh when the deal opened, closed, or was deleted or restored.
    private func change(_ acting: Acting, _ id: DealID, version: Int, action: AuditAction = .update,
                        _ body: @escaping @Sendable (inout Deal, ScopedSession) async throws -> DealStageChange?) async throws -> Deal {
        let deps = self.deps
        return try await deps.change(acting, id, version: version, action: action, onlyIfChanged: action != .update) { deal, session in
            if deal.deletedAt != nil, action == .update { throw AppError.forbidden(reason: .deleted) }
            let before = deal
            if let move = try await body(&deal, session) { try await session.insertDealStageChange(move) }
            if before.state != deal.state || (before.deletedAt == nil) != (deal.deletedAt == nil) {
                // Whether the customer has an open deal may have changed: its stage may follow.
                _ = try await deps.refreshLifecycle(deal.customerID, in: session)
            }
        }
    }

    private func setDeleted(_ acting: Acting, _ id: DealID, deleted: Bool) async throws -> Deal {
        let now = deps.env.now()
        return try await change(acting, id, version: try await get(acting, id).version, action: deleted ? .delete : .restore) { deal, _ in
            deal.deletedAt = deleted ? (deal.deletedAt ?? now) : nil
            return nil
        }
    }

    /// The owner must be an active user who may see the customer (reps: themselves or the
    /// customer's owner). Returns the owner's team. Key persons are checked by the session.
    private static func ownerTeam(_ acting: Acting, _ deal: Deal, customer: Customer, deps: Dependencies) async throws -> TeamID? {
        if acting.user.role == .rep, deal.ownerID != acting.id, deal.ownerID != customer.ownerID {
            throw AppError.forbidden(reason: .dealOwner)
        }
        guard let owner = try await deps.read(acting, { try await $0.catalog.user(deal.ownerID) })?.user, !owner.disabled else {
            throw AppError.invalid([FieldError("ownerID", .unknown)])
        }
        guard try await Rapport(deps: deps).acting(owner).scope.contains(owner: customer.ownerID, team: customer.teamID) else {
            throw AppError.invalid([FieldError("ownerID", .noAccess)])
        }
        return owner.teamID
    }
}
