import Foundation

/// The channel of a contact with a customer (DOMAIN part 7).
public enum Channel: String, Sendable, Codable, CaseIterable {
    case phone, sms, email, fax, wechat, qq, visit, meeting, event, letter, other
}

/// One contact with a customer, on its timeline.
public struct Activity: Sendable, Codable, Equatable, Identifiable {
    public var id: ActivityID
    public var customerID: CustomerID
    public var contactID: ContactID?
    /// The staff member who made the contact.
    public var userID: UserID
    public var channel: Channel
    public var purpose: String
    public var outcome: String
    public var occurredAt: Date
    public var custom: [String: CustomValue]
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: ActivityID, customerID: CustomerID, contactID: ContactID?, userID: UserID, channel: Channel,
                purpose: String, outcome: String, occurredAt: Date, custom: [String: CustomValue] = [:],
                createdAt: Date, updatedAt: Date, deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.customerID = customerID; self.contactID = contactID; self.userID = userID
        self.channel = channel; self.purpose = purpose; self.outcome = outcome; self.occurredAt = occurredAt
        self.custom = custom; self.createdAt = createdAt; self.updatedAt = updatedAt; self.deletedAt = deletedAt
        self.version = version
    }
}

/// The editable fields of an activity; `nil` = not given.
public struct ActivityDraft: Sendable, Codable, Equatable {
    public var contactID: ContactID??
    public var channel: Channel?
    public var purpose: String?
    public var outcome: String?
    public var occurredAt: Date?
    public var custom: [String: CustomValue]?

    public init(contactID: ContactID?? = nil, channel: Channel? = nil, purpose: String? = nil, outcome: String? = nil,
                occurredAt: Date? = nil, custom: [String: CustomValue]? = nil) {
        self.contactID = contactID; self.channel = channel; self.purpose = purpose; self.outcome = outcome
        self.occurredAt = occurredAt; self.custom = custom
    }

    public func validate(creating: Bool) throws(ValidationFailed) {
        var v = Validator()
        if creating && channel == nil { v.add("channel", .required) }
        if creating || purpose != nil { v.required("purpose", purpose, max: 200) }
        v.length("outcome", outcome, max: 4000)
        try v.check()
    }

    public func apply(to a: inout Activity) {
        if let contactID { a.contactID = contactID }
        if let channel { a.channel = channel }
        if let purpose { a.purpose = purpose.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let outcome { a.outcome = outcome }
        if let occurredAt { a.occurredAt = occurredAt }
        if let custom {
            for (key, value) in custom {
                if case .null = value { a.custom[key] = nil } else { a.custom[key] = value }
            }
        }
    }
}

extension Activity: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .activity
    public var recordID: String { id.description }

    public var references: [RecordReference] {
        [contactID.map { .contact($0, field: "contactID") }, .user(userID, field: "userID")].compactMap { $0 }
    }
}
