import Foundation

public typealias CustomerResultID = Identifier<CustomerResult>

/// One measured result of a customer (a long-term customer gained, orders, units, revenue),
/// entered on a page, through the API or imported; the expectation baseline is computed from them.
public struct CustomerResult: Sendable, Codable, Equatable, Identifiable {
    public var id: CustomerResultID
    public var customerID: CustomerID
    public var record: ResultRecord
    public var note: String
    public var recordedBy: UserID?
    public var createdAt: Date
    public var deletedAt: Date?

    public init(id: CustomerResultID, customerID: CustomerID, record: ResultRecord, note: String = "",
                recordedBy: UserID?, createdAt: Date, deletedAt: Date? = nil) {
        self.id = id; self.customerID = customerID; self.record = record; self.note = note
        self.recordedBy = recordedBy; self.createdAt = createdAt; self.deletedAt = deletedAt
    }
}
