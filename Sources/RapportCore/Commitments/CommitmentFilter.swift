import Foundation

/// Narrows a promise listing; every field is optional.
public struct CommitmentFilter: Sendable, Equatable {
    public var ownerID: UserID?
    public var state: CommitmentState?
    public var customerID: CustomerID?
    public var dueBefore: CalendarDate?
    public var dueOnOrBefore: CalendarDate?

    public init(ownerID: UserID? = nil, state: CommitmentState? = nil, customerID: CustomerID? = nil,
                dueBefore: CalendarDate? = nil, dueOnOrBefore: CalendarDate? = nil) {
        self.ownerID = ownerID; self.state = state; self.customerID = customerID
        self.dueBefore = dueBefore; self.dueOnOrBefore = dueOnOrBefore
    }
}
