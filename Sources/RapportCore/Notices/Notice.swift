import Foundation

public typealias NoticeID = Identifier<Notice>

/// What a notice is about.
public enum NoticeKind: String, Sendable, Codable, CaseIterable {
    /// A promise passed its due date while open (sent to its owner and the owner's manager).
    case commitmentOverdue
    /// A customer was reassigned to the recipient.
    case handoverReceived
    /// A subscription term ends within 60 days and has no renewal yet (sent to the customer's owner).
    case subscriptionEnding
    /// An owned customer returns to the public pool in a few days unless followed up (sent to the owner).
    case poolRecycleWarning
    /// A customer was recycled to the public pool (sent to the previous owner).
    case poolRecycled
    /// An order's payment instalment reaches its reminder day (sent to the order's rep).
    case paymentDue
    /// An order's payment instalment passed its due date unpaid (sent to the order's rep).
    case paymentOverdue
}

/// One notification for one user, written by a use case or a job (DOMAIN part 4: overdue
/// promises escalate). Delivered through the API and the pages; mail or chat bridges can poll it.
public struct Notice: Sendable, Codable, Equatable, Identifiable {
    public var id: NoticeID
    public var recipientID: UserID
    public var kind: NoticeKind
    /// The record it is about (a promise or handover id).
    public var subjectID: String
    public var customerID: CustomerID?
    /// Display facts (customer name, title, due date), so a notice reads well after the record changed.
    public var payload: [String: String]
    public var createdAt: Date
    public var readAt: Date?

    public init(id: NoticeID, recipientID: UserID, kind: NoticeKind, subjectID: String, customerID: CustomerID?,
                payload: [String: String], createdAt: Date, readAt: Date? = nil) {
        self.id = id; self.recipientID = recipientID; self.kind = kind; self.subjectID = subjectID
        self.customerID = customerID; self.payload = payload; self.createdAt = createdAt; self.readAt = readAt
    }
}
