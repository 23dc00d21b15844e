import Foundation

public typealias ReferralID = Identifier<Referral>

/// Who a referral is about: a customer or one of its key persons.
public enum ReferralSubject: String, Sendable, Codable, CaseIterable {
    case customer, contact
}

/// "Referred by" (转介绍): the customer (and optionally its key person) that brought a customer
/// or a contact to us.
public struct Referral: Sendable, Codable, Equatable, Identifiable {
    public var id: ReferralID
    public var subjectKind: ReferralSubject
    /// The customer's or the contact's id.
    public var subjectID: UUID
    public var referrerCustomerID: CustomerID
    public var referrerContactID: ContactID?
    public var note: String
    public var recordedBy: UserID?
    public var recordedAt: Date

    public init(id: ReferralID, subjectKind: ReferralSubject, subjectID: UUID, referrerCustomerID: CustomerID,
                referrerContactID: ContactID?, note: String, recordedBy: UserID?, recordedAt: Date) {
        self.id = id; self.subjectKind = subjectKind; self.subjectID = subjectID
        self.referrerCustomerID = referrerCustomerID; self.referrerContactID = referrerContactID; self.note = note
        self.recordedBy = recordedBy; self.recordedAt = recordedAt
    }
}

/// The input of "referred by".
public struct ReferralDraft: Sendable, Codable, Equatable {
    public var referrerCustomerID: CustomerID?
    public var referrerContactID: ContactID?
    public var note: String?

    public init(referrerCustomerID: CustomerID?, referrerContactID: ContactID? = nil, note: String? = nil) {
        self.referrerCustomerID = referrerCustomerID; self.referrerContactID = referrerContactID; self.note = note
    }

    public func validate() throws(ValidationFailed) {
        var v = Validator()
        if referrerCustomerID == nil { v.add("referrerCustomerID", .required) }
        v.length("note", note, max: 2000)
        try v.check()
    }
}

/// One customer in a referral tree. Customers the reader may not see carry no name or id.
public struct ReferralNode: Sendable, Codable, Equatable {
    /// nil when the reader may not see the customer ("another rep's customer").
    public var customerID: CustomerID?
    public var name: String?
    public var visible: Bool
    public var stage: LifecycleStage?
    /// The customers this one brought to us (down the tree).
    public var referred: [ReferralNode]

    public init(customerID: CustomerID?, name: String?, visible: Bool, stage: LifecycleStage?, referred: [ReferralNode]) {
        self.customerID = customerID; self.name = name; self.visible = visible; self.stage = stage
        self.referred = referred
    }
}

/// A customer's referral tree: who referred it, up to the root (nearest first), and the tree of
/// everything it brought.
public struct ReferralTree: Sendable, Codable, Equatable {
    /// From the customer's own referrer up to the root.
    public var referredBy: [ReferralNode]
    public var root: ReferralNode
    /// How many customers this customer brought directly (what the lifecycle counts).
    public var referralsMade: Int

    public init(referredBy: [ReferralNode], root: ReferralNode, referralsMade: Int) {
        self.referredBy = referredBy; self.root = root; self.referralsMade = referralsMade
    }
}
