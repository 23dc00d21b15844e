import Foundation
import RapportCore
import RapportStore

extension Pools {
    /// The customers in a pool now, newest arrivals first. Anyone signed in may list them: they
    /// see the basic fields only, until they claim one.
    public func members(_ acting: Acting, _ id: PoolID, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<PoolMember> {
        _ = try await get(acting, id)
        return try await deps.read(acting) { try await $0.poolMembers(id, limit: limit, cursor: cursor) }
    }

    /// The user's claims today and holdings against a pool's caps.
    public func standing(_ acting: Acting, _ id: PoolID) async throws -> PoolStanding {
        let rules = try await get(acting, id).rules
        let since = deps.startOfToday(for: acting.user)
        return try await deps.read(acting) { session in
            PoolStanding(claimedToday: try await session.claimCount(by: acting.id, since: since), dailyClaimCap: rules.dailyClaimCap,
                         holding: try await session.holdingCount(of: acting.id, countClosed: rules.countClosed),
                         holdingCap: rules.holdingCap, locked: try await session.lockCount(by: acting.id), lockCap: rules.lockCap)
        }
    }

    /// A customer's pool row, or the default pool's implicit one when it has none.
    public func membership(_ acting: Acting, of customerID: CustomerID) async throws -> PoolMembership {
        let customer = try await Customers(deps: deps).get(acting, customerID)
        return try await deps.read(acting) { session in
            try await session.poolMembership(of: customerID)
                ?? PoolMembership(customerID: customerID, poolID: CatalogSession.defaultPoolID, ownedSince: customer.createdAt)
        }
    }

    /// A customer's pool history, newest first, keyset-paged (for users who may see the customer).
    public func events(_ acting: Acting, of customerID: CustomerID, limit: Int = 100,
                       cursor: PageCursor? = nil) async throws -> Page<PoolEvent> {
        try await deps.read(acting, entity: .customer) { try await $0.poolEvents(of: customerID, limit: limit, cursor: cursor) }
    }

    /// Takes a customer from its pool for the acting user. In one transaction (with the user's
    /// row locked on PostgreSQL, as for assignments to them): the daily and holding caps of the customer's pool, the
    /// cool-off for its previous owner, then one guarded UPDATE — of two concurrent claims one
    /// wins, the other gets `conflict`.
    public func claim(_ acting: Acting, _ customerID: CustomerID) async throws -> Customer {
        try await takeFromPool(acting, customerID, for: acting.user, kind: .claimed)
    }

    /// Gives a customer from the pool to a rep (managers: reps of their teams; admins: anyone).
    /// An owned customer visible to the manager is reassigned through the usual path instead.
    public func assign(_ acting: Acting, _ customerID: CustomerID, to userID: UserID) async throws -> Customer {
        guard acting.isManager else { throw AppError.forbidden(reason: .assignNeedsManager) }
        let owner = try await Customers(deps: deps).assignableOwner(acting, userID)
        if let visible = try await deps.read(acting, { try await $0.customer(customerID) }), visible.ownerID != nil {
            return try await Customers(deps: deps).update(acting, customerID, CustomerDraft(ownerID: owner.id), version: visible.version)
        }
        return try await takeFromPool(acting, customerID, for: owner, kind: .assigned)
    }

    private func takeFromPool(_ acting: Acting, _ customerID: CustomerID, for owner: User, kind: PoolEventKind) async throws -> Customer {
        // A customer in the pool, or one the user may see (then already owned: a conflict). An owned
        // customer the user may not see is not acknowledged at all: 404, as for a random id.
        var customer = try await deps.read(acting, entity: .customer) { try await $0.requirePoolCustomer(customerID) }
        if customer.ownerID != nil { throw AppError.conflict(currentVersion: customer.version) }
        let now = deps.env.now()
        let since = deps.startOfToday(for: owner)
        let event = PoolEvent(id: deps.env.newID(), customerID: customerID, poolID: nil, kind: kind, actorID: acting.id,
                              ownerID: owner.id, at: now)
        let before = customer
        customer.ownerID = owner.id
        customer.teamID = owner.teamID
        customer.updatedAt = now
        customer.version += 1
        let entry = try deps.audit(acting.id, .customer, customerID.description, .reassign, before: before, after: customer)
        let name = customer.name
        try await deps.write(acting) { session in
            let membership = try await session.poolMembership(of: customerID)
                ?? PoolMembership(customerID: customerID, poolID: CatalogSession.defaultPoolID, reason: "created")
            let rules = try await session.catalog.poolRules(membership.poolID)
            // Claims and assignments to one user queue here (PostgreSQL), so caps are counted one at a time.
            try await session.lockUserForClaims(owner.id)
            if kind == .claimed {
                let claimed = try await session.claimCount(by: owner.id, since: since)
                if claimed >= rules.dailyClaimCap {
                    throw AppError.invalid([FieldError("customer", .poolDailyCap, detail: "\(claimed)/\(rules.dailyClaimCap)")])
                }
                if membership.previousOwnerID == owner.id,
                   RecycleDecision.coolingOff(leftAt: membership.leftOwnerAt, cooloffDays: rules.cooloffDays, now: now),
                   let left = membership.leftOwnerAt {
                    let until = left.addingTimeInterval(Double(rules.cooloffDays) * 86_400)
                    throw AppError.invalid([FieldError("customer", .poolCoolingOff,
                                                       detail: CalendarDate.today(in: .gmt, at: until).description)])
                }
            }
            let holding = try await session.holdingCount(of: owner.id, countClosed: rules.countClosed)
            if holding >= rules.holdingCap {
                throw AppError.invalid([FieldError(kind == .claimed ? "customer" : "userID", .poolHoldingCap,
                                                   detail: "\(holding)/\(rules.holdingCap)")])
            }
            guard try await session.claimCustomer(customerID, owner: owner.id, team: owner.teamID, at: now) else {
                throw AppError.conflict(currentVersion: before.version + 1)
            }
            var owned = membership
            owned.enteredAt = nil
            owned.ownedSince = now
            owned.lockedAt = nil
            owned.lockedBy = nil
            owned.reason = kind.rawValue
            try await session.savePoolMembership(owned)
            var saved = event
            saved.poolID = membership.poolID
            saved.previousOwnerID = membership.previousOwnerID
            try await session.insertPoolEvent(saved)
            try await session.catalog.appendAudit(entry)
            if kind == .assigned {
                _ = try await session.catalog.insertNotice(Notice(
                    id: deps.env.newID(), recipientID: owner.id, kind: .handoverReceived, subjectID: event.id.description,
                    customerID: customerID, payload: ["customerName": name, "fromName": ""], createdAt: now))
            }
        }
        return customer
    }

    /// Gives an owned customer back to its pool (its owner, or a manager who may see it), with a reason.
    public func release(_ acting: Acting, _ customerID: CustomerID, reason: String) async throws {
        var v = Validator()
        v.required("reason", reason, max: 500)
        do { try v.check() } catch { throw AppError.invalid(error.errors) }
        let customer = try await Customers(deps: deps).get(acting, customerID)
        guard let owner = customer.ownerID, customer.deletedAt == nil else { throw AppError.forbidden(reason: .notOwned) }
        if owner != acting.id && !acting.isManager { throw AppError.forbidden(reason: .notOwned) }
        let now = deps.env.now()
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var after = customer
        after.ownerID = nil
        after.teamID = nil
        after.version += 1
        after.updatedAt = now
        let entry = try deps.audit(acting.id, .customer, customerID.description, .reassign, before: customer, after: after)
        let eventID: PoolEventID = deps.env.newID()
        try await deps.write(acting) { session in
            guard try await session.unownCustomer(customerID, owner: owner, at: now) else {
                throw AppError.conflict(currentVersion: customer.version)
            }
            let poolID = try await session.poolMembership(of: customerID)?.poolID ?? CatalogSession.defaultPoolID
            try await session.savePoolMembership(PoolMembership(customerID: customerID, poolID: poolID, enteredAt: now,
                                                                previousOwnerID: owner, leftOwnerAt: now, reason: text))
            try await session.insertPoolEvent(PoolEvent(id: eventID, customerID: customerID, poolID: poolID, kind: .released,
                                                        actorID: acting.id, previousOwnerID: owner, reason: text, at: now))
            try await session.catalog.appendAudit(entry)
        }
    }
}
