import Foundation

/// A free-text note on a customer. Notes stay with the customer when its owner changes.
public struct Note: Sendable, Codable, Equatable, Identifiable {
    public var id: NoteID
    public var customerID: CustomerID
    public var authorID: UserID
    public var body: String
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: NoteID, customerID: CustomerID, authorID: UserID, body: String, createdAt: Date,
                updatedAt: Date, deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.customerID = customerID; self.authorID = authorID; self.body = body
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }

    public static let maxBody = 10_000

    public static func validate(body: String?) throws(ValidationFailed) {
        var v = Validator()
        v.required("body", body, max: maxBody)
        try v.check()
    }
}

extension Note: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .note
    public var recordID: String { id.description }
    public var references: [RecordReference] { [.user(authorID, field: "authorID")] }
}
