import Foundation

public typealias CareDateID = Identifier<CustomerCareDate>

/// A care date as kept on a customer's file: for the customer itself or one of its key persons.
public struct CustomerCareDate: Sendable, Codable, Equatable, Identifiable {
    public var id: CareDateID
    public var customerID: CustomerID
    public var contactID: ContactID?
    public var date: CareDate
    /// The next occurrence on or after the day it was last computed (kept for fast agenda queries;
    /// readers recompute it when it has passed).
    public var nextOn: CalendarDate
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: CareDateID, customerID: CustomerID, contactID: ContactID?, date: CareDate, nextOn: CalendarDate,
                createdAt: Date, updatedAt: Date, deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.customerID = customerID; self.contactID = contactID; self.date = date; self.nextOn = nextOn
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }
}

extension CustomerCareDate: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .careDate
    public var recordID: String { id.description }
    public var references: [RecordReference] { [contactID.map { .contact($0, field: "contactID") }].compactMap { $0 } }
}
