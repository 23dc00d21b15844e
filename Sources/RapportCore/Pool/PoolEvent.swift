import Foundation

public typealias PoolEventID = Identifier<PoolEvent>

/// What happened to a customer's place in the public pool.
public enum PoolEventKind: String, Sendable, Codable, CaseIterable {
    /// Entered the pool (created or imported without an owner).
    case entered
    /// A rep took it from the pool.
    case claimed
    /// A manager gave it from the pool to a rep.
    case assigned
    /// Its owner gave it back, with a reason.
    case released
    /// The recycle pass took it from a neglecting owner.
    case recycled
    /// Exempted from recycling by its owner or a manager.
    case locked
    /// The exemption was lifted.
    case unlocked
}

/// One entry of a customer's pool history (the timeline shows these).
public struct PoolEvent: Sendable, Codable, Equatable, Identifiable {
    public var id: PoolEventID
    public var customerID: CustomerID
    public var poolID: PoolID?
    public var kind: PoolEventKind
    /// Who did it; `nil` for the recycle pass.
    public var actorID: UserID?
    /// The owner after the event (claimant, assignee), if any.
    public var ownerID: UserID?
    /// The owner before the event (released, recycled), if any.
    public var previousOwnerID: UserID?
    /// Why: the release reason, or the recycle rule (`noFollowUp`, `noDeal`, `notClosed`).
    public var reason: String
    public var at: Date

    public init(id: PoolEventID, customerID: CustomerID, poolID: PoolID?, kind: PoolEventKind, actorID: UserID?,
                ownerID: UserID? = nil, previousOwnerID: UserID? = nil, reason: String = "", at: Date) {
        self.id = id; self.customerID = customerID; self.poolID = poolID; self.kind = kind; self.actorID = actorID
        self.ownerID = ownerID; self.previousOwnerID = previousOwnerID; self.reason = reason; self.at = at
    }
}
