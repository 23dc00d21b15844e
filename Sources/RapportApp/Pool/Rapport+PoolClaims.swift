import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// The customers in a pool now, newest arrivals first. Anyone signed in may list them: they
    /// see the basic fields only, until they claim one.
    public func poolMembers(_ acting: Acting, _ id: PoolID, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<PoolMember> {
        _ = try await pool(acting, id)
        return try await store.read { try await $0.poolMembers(id, limit: limit, cursor: cursor) }
    }

    /// The user's claims today and holdings against a pool's caps.
    public func poolStanding(_ acting: Acting, _ id: PoolID) async throws -> PoolStanding {
        let rules = try await pool(acting, id).rules
        let since = startOfToday(for: acting.user)
        return try await store.read { session in
            PoolStanding(claimedToday: try await session.claimCount(by: acting.id, since: since), dailyClaimCap: rules.dailyClaimCap,
                         holding: try await session.holdingCount(of: acting.id, countClosed: rules.countClosed),
                         holdingCap: rules.holdingCap, locked: try await session.lockCount(by: acting.id), lockCap: rules.lockCap)
        }
    }

    /// A customer's pool row, or the default pool's implicit one when it has none.
    public func poolMembership(_ acting: Acting, of customerID: CustomerID) async throws -> PoolMembership {
        let customer = try await customer(acting, customerID)
        return try await store.read { session in
            try await session.poolMembership(of: customerID)
                ?? PoolMembership(customerID: customerID, poolID: StoreSession.defaultPoolID, ownedSince: customer.createdAt)
        }
    }

    /// A customer's pool history, newest first (for users who may see the customer).
    public func poolEvents(_ acting: Acting, of customerID: CustomerID) async throws -> [PoolEvent] {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.poolEvents(of: customerID) }
    }

    /// Takes a customer from its pool for the acting user. In one transaction (with the user's
    /// row locked on PostgreSQL, as for assignments to them): the daily and holding caps of the customer's pool, the
    /// cool-off for its previous owner, then one guarded UPDATE — of two concurrent claims one
    /// wins, the other gets `conflict`.
    public func claimCustomer(_ acting: Acting, _ customerID: CustomerID) async throws -> Customer {
        try await takeFromPool(acting, customerID, for: acting.user, kind: .claimed)
    }

    /// Gives a customer from the pool to a rep (managers: reps of their teams; admins: anyone).
    /// An owned customer visible to the manager is reassigned through the usual path instead.
    public func assignCustomer(_ acting: Acting, _ customerID: CustomerID, to userID: UserID) async throws -> Customer {
        guard acting.isManager else { throw AppError.forbidden(reason: "assignNeedsManager") }
        let owner = try await assignableOwner(acting, userID)
        if let visible = try await store.read({ try await $0.customer(customerID, scope: acting.scope) }), visible.ownerID != nil {
            return try await updateCustomer(acting, customerID, CustomerDraft(ownerID: owner.id), version: visible.version)
        }
        return try await takeFromPool(acting, customerID, for: owner, kind: .assigned)
    }

    private func takeFromPool(_ acting: Acting, _ customerID: CustomerID, for owner: User, kind: PoolEventKind) async throws -> Customer {
        guard var customer = try await store.read({ try await $0.customer(customerID, scope: .everything) }),
              customer.deletedAt == nil else { throw AppError.notFound(entity: "customer") }
        if customer.ownerID != nil { throw AppError.conflict(currentVersion: customer.version) }
        let now = env.now()
        let since = startOfToday(for: owner)
        let event = PoolEvent(id: env.newID(), customerID: customerID, poolID: nil, kind: kind, actorID: acting.id,
                              ownerID: owner.id, at: now)
        let before = customer
        customer.ownerID = owner.id
        customer.teamID = owner.teamID
        customer.updatedAt = now
        customer.version += 1
        let entry = try audit(acting.id, "customer", customerID.description, .reassign, before: before, after: customer)
        let name = customer.name
        try await store.write { session in
            let membership = try await session.poolMembership(of: customerID)
                ?? PoolMembership(customerID: customerID, poolID: StoreSession.defaultPoolID, reason: "created")
            let rules = try await session.poolRules(membership.poolID)
            // Claims and assignments to one user queue here (PostgreSQL), so caps are counted one at a time.
            try await session.lockUserForClaims(owner.id)
            if kind == .claimed {
                let claimed = try await session.claimCount(by: owner.id, since: since)
                if claimed >= rules.dailyClaimCap {
                    throw AppError.invalid([FieldError("customer", "poolDailyCap", detail: "\(claimed)/\(rules.dailyClaimCap)")])
                }
                if membership.previousOwnerID == owner.id,
                   RecycleDecision.coolingOff(leftAt: membership.leftOwnerAt, cooloffDays: rules.cooloffDays, now: now),
                   let left = membership.leftOwnerAt {
                    let until = left.addingTimeInterval(Double(rules.cooloffDays) * 86_400)
                    throw AppError.invalid([FieldError("customer", "poolCoolingOff",
                                                       detail: CalendarDate.today(in: .gmt, at: until).description)])
                }
            }
            let holding = try await session.holdingCount(of: owner.id, countClosed: rules.countClosed)
            if holding >= rules.holdingCap {
                throw AppError.invalid([FieldError(kind == .claimed ? "customer" : "userID", "poolHoldingCap",
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
            try await session.appendAudit(entry)
            if kind == .assigned {
                _ = try await session.insertNotice(Notice(
                    id: env.newID(), recipientID: owner.id, kind: .handoverReceived, subjectID: event.id.description,
                    customerID: customerID, payload: ["customerName": name, "fromName": ""], createdAt: now))
            }
        }
        return customer
    }

    /// Gives an owned customer back to its pool (its owner, or a manager who may see it), with a reason.
    public func releaseCustomer(_ acting: Acting, _ customerID: CustomerID, reason: String) async throws {
        var v = Validator()
        v.required("reason", reason, max: 500)
        do { try v.check() } catch { throw AppError.invalid(error.errors) }
        let customer = try await customer(acting, customerID)
        guard let owner = customer.ownerID, customer.deletedAt == nil else { throw AppError.forbidden(reason: "notOwned") }
        if owner != acting.id && !acting.isManager { throw AppError.forbidden(reason: "notOwned") }
        let now = env.now()
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var after = customer
        after.ownerID = nil
        after.teamID = nil
        after.version += 1
        after.updatedAt = now
        let entry = try audit(acting.id, "customer", customerID.description, .reassign, before: customer, after: after)
        let eventID: PoolEventID = env.newID()
        try await store.write { session in
            guard try await session.unownCustomer(customerID, owner: owner, at: now) else {
                throw AppError.conflict(currentVersion: customer.version)
            }
            let poolID = try await session.poolMembership(of: customerID)?.poolID ?? StoreSession.defaultPoolID
            try await session.savePoolMembership(PoolMembership(customerID: customerID, poolID: poolID, enteredAt: now,
                                                                previousOwnerID: owner, leftOwnerAt: now, reason: text))
            try await session.insertPoolEvent(PoolEvent(id: eventID, customerID: customerID, poolID: poolID, kind: .released,
                                                        actorID: acting.id, previousOwnerID: owner, reason: text, at: now))
            try await session.appendAudit(entry)
        }
    }

    /// The start of the user's calendar day now (the daily claim cap counts from here).
    func startOfToday(for user: User) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: user.timeZone) ?? .gmt
        return calendar.startOfDay(for: env.now())
    }
}
