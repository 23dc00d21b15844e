/// Narrows a deal listing; every field is optional.
public struct DealFilter: Sendable, Equatable {
    public var ownerID: UserID?
    public var stageID: DealStageID?
    public var state: DealState?
    public var customerID: CustomerID?
    /// Expected close on or after this day.
    public var closeFrom: CalendarDate?
    /// Expected close on or before this day.
    public var closeTo: CalendarDate?

    public init(ownerID: UserID? = nil, stageID: DealStageID? = nil, state: DealState? = nil,
                customerID: CustomerID? = nil, closeFrom: CalendarDate? = nil, closeTo: CalendarDate? = nil) {
        self.ownerID = ownerID; self.stageID = stageID; self.state = state; self.customerID = customerID
        self.closeFrom = closeFrom; self.closeTo = closeTo
    }
}
