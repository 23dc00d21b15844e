import Foundation

public typealias DealStageChangeID = Identifier<DealStageChange>

/// One move of a deal between pipeline stages (the deal's history); `fromStageID` is nil when
/// the deal was created.
public struct DealStageChange: Sendable, Codable, Equatable, Identifiable {
    public var id: DealStageChangeID
    public var dealID: DealID
    public var fromStageID: DealStageID?
    public var toStageID: DealStageID
    public var userID: UserID?
    public var at: Date

    public init(id: DealStageChangeID, dealID: DealID, fromStageID: DealStageID?, toStageID: DealStageID,
                userID: UserID?, at: Date) {
        self.id = id; self.dealID = dealID; self.fromStageID = fromStageID; self.toStageID = toStageID
        self.userID = userID; self.at = at
    }
}
