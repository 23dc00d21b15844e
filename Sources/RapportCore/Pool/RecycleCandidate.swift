import Foundation

/// An owned customer the recycle pass looks at closely: who owns it, in which pool, and the
/// facts the rules judge it by.
public struct RecycleCandidate: Sendable, Equatable {
    public var customerID: CustomerID
    public var customerName: String
    public var ownerID: UserID
    public var poolID: PoolID
    public var facts: RecycleFacts

    public init(customerID: CustomerID, customerName: String, ownerID: UserID, poolID: PoolID, facts: RecycleFacts) {
        self.customerID = customerID; self.customerName = customerName; self.ownerID = ownerID; self.poolID = poolID
        self.facts = facts
    }
}

/// One customer the recycle pass recycled or warned about (also what a dry run reports).
public struct RecycleItem: Sendable, Equatable, Codable {
    public var customerID: CustomerID
    public var customerName: String
    public var ownerID: UserID
    public var poolID: PoolID
    public var reason: RecycleReason
    /// Days left before recycling (warnings only).
    public var daysLeft: Int?
    public var due: Date?

    public init(customerID: CustomerID, customerName: String, ownerID: UserID, poolID: PoolID, reason: RecycleReason,
                daysLeft: Int? = nil, due: Date? = nil) {
        self.customerID = customerID; self.customerName = customerName; self.ownerID = ownerID; self.poolID = poolID
        self.reason = reason; self.daysLeft = daysLeft; self.due = due
    }
}
