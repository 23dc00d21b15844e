import Foundation

public typealias DealID = Identifier<Deal>

/// Where a deal stands: open deals sit in one of the pipeline's stages; won and lost are closed.
public enum DealState: String, Sendable, Codable, CaseIterable {
    case open, won, lost
}

/// A sales opportunity with one customer (商机): what it is worth, when it should close, which
/// key persons are involved and what happens next.
public struct Deal: Sendable, Codable, Equatable, Identifiable {
    public var id: DealID
    public var customerID: CustomerID
    public var title: String
    public var ownerID: UserID
    /// The owner's team when the deal was created or reassigned (managers see their teams' deals).
    public var teamID: TeamID?
    public var stageID: DealStageID
    public var state: DealState
    /// Expected value in minor units of `currency`.
    public var amount: Int64
    public var currency: String
    public var expectedCloseOn: CalendarDate?
    public var nextStep: String
    /// Why it was won or lost (required when closing).
    public var closeReason: String
    public var closedOn: CalendarDate?
    /// The order a won deal created.
    public var orderID: OrderID?
    public var contactIDs: [ContactID]
    public var stageChangedAt: Date
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: DealID, customerID: CustomerID, title: String, ownerID: UserID, teamID: TeamID?,
                stageID: DealStageID, state: DealState = .open, amount: Int64 = 0,
                currency: String = MinorUnits.defaultCurrency, expectedCloseOn: CalendarDate? = nil,
                nextStep: String = "", closeReason: String = "", closedOn: CalendarDate? = nil,
                orderID: OrderID? = nil, contactIDs: [ContactID] = [], stageChangedAt: Date, createdAt: Date,
                updatedAt: Date, deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.customerID = customerID; self.title = title; self.ownerID = ownerID
        self.teamID = teamID; self.stageID = stageID; self.state = state; self.amount = amount
        self.currency = currency; self.expectedCloseOn = expectedCloseOn; self.nextStep = nextStep
        self.closeReason = closeReason; self.closedOn = closedOn; self.orderID = orderID
        self.contactIDs = contactIDs; self.stageChangedAt = stageChangedAt; self.createdAt = createdAt
        self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }
}

extension Deal: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .deal
    public var recordID: String { id.description }

    public var references: [RecordReference] {
        contactIDs.map { .contact($0, field: "contactIDs") } + [.user(ownerID, field: "ownerID"), .stage(stageID, field: "stageID")]
            + [orderID.map { .order($0, field: "orderID") }].compactMap { $0 }
    }
}
