import Foundation

/// A personality with the person it belongs to (a key person, or a person customer when `contactID` is nil).
public struct StoredPersonality: Sendable, Equatable, Codable {
    public var customerID: CustomerID
    public var contactID: ContactID?
    public var personality: Personality
    public var version: Int

    public init(customerID: CustomerID, contactID: ContactID?, personality: Personality, version: Int) {
        self.customerID = customerID; self.contactID = contactID; self.personality = personality; self.version = version
    }

    /// The row key: the key person's id, or the customer's id for a person customer.
    public var subjectID: String { contactID?.description ?? customerID.description }
}

/// One group of the team type statistics.
public struct PersonalityMixRow: Sendable, Equatable, Codable {
    public var ownerID: UserID
    public var status: CustomerStatus
    public var temperament: Temperament?
    public var buyerType: BuyerType?
    public var count: Int

    public init(ownerID: UserID, status: CustomerStatus, temperament: Temperament?, buyerType: BuyerType?, count: Int) {
        self.ownerID = ownerID; self.status = status; self.temperament = temperament; self.buyerType = buyerType
        self.count = count
    }
}
