import Foundation

/// A customer's place in the pools: which pool it belongs to, whether it is in the pool now
/// (`enteredAt` set, no owner) or owned (`ownedSince`), its lock and its last previous owner.
public struct PoolMembership: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var poolID: PoolID
    /// When it entered the pool; `nil` while it is owned.
    public var enteredAt: Date?
    /// When its current owner took it; `nil` while it is in the pool.
    public var ownedSince: Date?
    public var lockedAt: Date?
    public var lockedBy: UserID?
    public var previousOwnerID: UserID?
    /// When the previous owner lost it (the cool-off counts from here).
    public var leftOwnerAt: Date?
    /// Why it is where it is (`created`, `claimed`, `assigned`, a release reason, a recycle rule).
    public var reason: String

    public init(customerID: CustomerID, poolID: PoolID, enteredAt: Date? = nil, ownedSince: Date? = nil,
                lockedAt: Date? = nil, lockedBy: UserID? = nil, previousOwnerID: UserID? = nil,
                leftOwnerAt: Date? = nil, reason: String = "") {
        self.customerID = customerID; self.poolID = poolID; self.enteredAt = enteredAt; self.ownedSince = ownedSince
        self.lockedAt = lockedAt; self.lockedBy = lockedBy; self.previousOwnerID = previousOwnerID
        self.leftOwnerAt = leftOwnerAt; self.reason = reason
    }

    public var isLocked: Bool { lockedAt != nil }
}

/// What anyone may see of a customer in the pool, even one that is not theirs.
public struct PoolMember: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var name: String
    public var industry: String
    public var region: String
    public var source: String
    public var enteredAt: Date
    public var previousOwnerID: UserID?
    public var previousOwnerName: String?
    public var reason: String

    public init(customerID: CustomerID, name: String, industry: String, region: String, source: String,
                enteredAt: Date, previousOwnerID: UserID?, previousOwnerName: String?, reason: String) {
        self.customerID = customerID; self.name = name; self.industry = industry; self.region = region
        self.source = source; self.enteredAt = enteredAt; self.previousOwnerID = previousOwnerID
        self.previousOwnerName = previousOwnerName; self.reason = reason
    }
}
