import Foundation

public typealias PoolID = Identifier<Pool>

/// The rules of one public pool (公海): how much a rep may claim and hold, and when an owned
/// customer that is neglected returns to the pool. A `nil` day count switches that rule off.
public struct PoolRules: Sendable, Codable, Equatable {
    /// Customers one rep may claim from the pool per day.
    public var dailyClaimCap: Int
    /// Customers one rep may own at a time (claims stop at this number).
    public var holdingCap: Int
    /// Whether closed customers (won, or with an order) count against the holding cap.
    public var countClosed: Bool
    /// Recycle when nobody followed the customer up for this many days.
    public var noFollowUpDays: Int?
    /// Recycle when no deal was opened for this many days.
    public var noDealDays: Int?
    /// Recycle when the customer is still not closed this many days after it was taken.
    public var notClosedDays: Int?
    /// Whether closed customers are recycled too (otherwise they are kept).
    public var recycleClosed: Bool
    /// Whether customers with an open deal are recycled too (otherwise they are kept).
    public var recycleWithOpenDeals: Bool
    /// How many days ahead the owner is warned (agenda and notice).
    public var warnDays: Int
    /// How many days the previous owner must wait before claiming a recycled or released customer again.
    public var cooloffDays: Int
    /// Customers one user may lock (exempt from recycling) at a time.
    public var lockCap: Int

    public init(dailyClaimCap: Int = 20, holdingCap: Int = 200, countClosed: Bool = false, noFollowUpDays: Int? = nil,
                noDealDays: Int? = nil, notClosedDays: Int? = nil, recycleClosed: Bool = false,
                recycleWithOpenDeals: Bool = false, warnDays: Int = 3, cooloffDays: Int = 30, lockCap: Int = 10) {
        self.dailyClaimCap = dailyClaimCap; self.holdingCap = holdingCap; self.countClosed = countClosed
        self.noFollowUpDays = noFollowUpDays; self.noDealDays = noDealDays; self.notClosedDays = notClosedDays
        self.recycleClosed = recycleClosed; self.recycleWithOpenDeals = recycleWithOpenDeals; self.warnDays = warnDays
        self.cooloffDays = cooloffDays; self.lockCap = lockCap
    }

    /// Whether any recycle rule is switched on.
    public var recycles: Bool { noFollowUpDays != nil || noDealDays != nil || notClosedDays != nil }
}

/// A named public pool. Exactly one pool is the default one: unowned customers without a pool
/// row, and customers created or imported without an owner, belong to it.
public struct Pool: Sendable, Codable, Equatable, Identifiable {
    public var id: PoolID
    public var name: String
    /// The team the pool serves, if it is a team pool (informational; every rep may claim).
    public var teamID: TeamID?
    public var isDefault: Bool
    public var rules: PoolRules
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(id: PoolID, name: String, teamID: TeamID? = nil, isDefault: Bool = false, rules: PoolRules = PoolRules(),
                createdAt: Date, updatedAt: Date, version: Int = 1) {
        self.id = id; self.name = name; self.teamID = teamID; self.isDefault = isDefault; self.rules = rules
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.version = version
    }
}
