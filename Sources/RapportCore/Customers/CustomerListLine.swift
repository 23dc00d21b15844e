import Foundation

/// One line of the customer list: the few fields the list shows of a customer and its list facts,
/// read without the rest of the record (profile, custom fields, addresses), which the list never shows.
public struct CustomerListLine: Sendable, Equatable {
    public var id: CustomerID
    public var name: String
    public var region: String
    public var phone: String
    public var ownerID: UserID?
    public var status: CustomerStatus
    public var facts: CustomerListFacts

    public init(id: CustomerID, name: String, region: String, phone: String, ownerID: UserID?, status: CustomerStatus,
                facts: CustomerListFacts) {
        self.id = id
        self.name = name
        self.region = region
        self.phone = phone
        self.ownerID = ownerID
        self.status = status
        self.facts = facts
    }
}
