import Foundation
import RapportCore
import RapportStore

extension Pools {
    /// Exempts an owned customer from recycling (its owner, or a manager who may see it), up to
    /// the pool's lock cap per user.
    public func lock(_ acting: Acting, _ customerID: CustomerID) async throws -> PoolMembership {
        try await setLock(acting, customerID, locked: true)
    }

    public func unlock(_ acting: Acting, _ customerID: CustomerID) async throws -> PoolMembership {
        try await setLock(acting, customerID, locked: false)
    }

    private func setLock(_ acting: Acting, _ customerID: CustomerID, locked: Bool) async throws -> PoolMembership {
        let customer = try await Customers(deps: deps).get(acting, customerID)
        guard let owner = customer.ownerID, customer.deletedAt == nil else { throw AppError.forbidden(reason: .notOwned) }
        if owner != acting.id && !acting.isManager { throw AppError.forbidden(reason: .notOwned) }
        let now = deps.env.now()
        let eventID: PoolEventID = deps.env.newID()
        let actor = acting.id
        return try await deps.write(acting) { session in
            var membership = try await session.poolMembership(of: customerID)
                ?? PoolMembership(customerID: customerID, poolID: CatalogSession.defaultPoolID, ownedSince: customer.createdAt,
                                  reason: "created")
            guard membership.isLocked != locked else { return membership }
            let before = membership
            if locked {
                try await session.lockUserForClaims(actor)
                let rules = try await session.catalog.poolRules(membership.poolID)
                let count = try await session.lockCount(by: actor)
                if count >= rules.lockCap {
                    throw AppError.invalid([FieldError("customer", .poolLockCap, detail: "\(count)/\(rules.lockCap)")])
                }
                membership.lockedAt = now
                membership.lockedBy = actor
            } else {
                membership.lockedAt = nil
                membership.lockedBy = nil
            }
            try await session.savePoolMembership(membership)
            try await session.insertPoolEvent(PoolEvent(id: eventID, customerID: customerID, poolID: membership.poolID,
                                                        kind: locked ? .locked : .unlocked, actorID: actor, ownerID: owner,
                                                        at: now))
            try await session.catalog.appendAudit(try deps.audit(actor, .customerPool, customerID.description, .update,
                                                    before: before, after: membership))
            return membership
        }
    }
}
