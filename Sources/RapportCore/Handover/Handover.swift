import Foundation

public typealias HandoverID = Identifier<Handover>

/// What a new owner needs to know when a customer is reassigned to them (DOMAIN part 1), kept as
/// a snapshot of the moment of handover; the customer page shows the live file beside it.
public struct Handover: Sendable, Codable, Equatable, Identifiable {
    public var id: HandoverID
    public var customerID: CustomerID
    public var fromUserID: UserID?
    public var toUserID: UserID
    public var summary: HandoverSummary
    public var createdBy: UserID?
    public var createdAt: Date
    /// When the new owner marked it read; unread handovers stay in their agenda.
    public var readAt: Date?

    public init(id: HandoverID, customerID: CustomerID, fromUserID: UserID?, toUserID: UserID, summary: HandoverSummary,
                createdBy: UserID?, createdAt: Date, readAt: Date? = nil) {
        self.id = id; self.customerID = customerID; self.fromUserID = fromUserID; self.toUserID = toUserID
        self.summary = summary; self.createdBy = createdBy; self.createdAt = createdAt; self.readAt = readAt
    }
}

/// The snapshot inside a handover.
public struct HandoverSummary: Sendable, Codable, Equatable {
    public var customerName: String
    public var previousOwnerName: String?
    public var activityCount: Int
    public var noteCount: Int
    /// The latest contacts, newest first (at most five).
    public var recentActivities: [Line]
    public var openCommitments: [Line]
    public var keyPersons: [Person]
    /// `belowBottom`, `between` or `aboveSatisfaction` when a baseline could be computed.
    public var expectationLevel: String?
    public var expectationText: String?

    /// One dated line: an activity or a promise.
    public struct Line: Sendable, Codable, Equatable {
        public var on: String
        public var text: String
        public init(on: String, text: String) { self.on = on; self.text = text }
    }

    /// A key person with what we know of their types.
    public struct Person: Sendable, Codable, Equatable {
        public var id: ContactID
        public var name: String
        public var title: String
        public var temperament: String?
        public var buyerType: String?
        public init(id: ContactID, name: String, title: String, temperament: String?, buyerType: String?) {
            self.id = id; self.name = name; self.title = title; self.temperament = temperament; self.buyerType = buyerType
        }
    }

    public init(customerName: String, previousOwnerName: String?, activityCount: Int, noteCount: Int,
                recentActivities: [Line], openCommitments: [Line], keyPersons: [Person],
                expectationLevel: String?, expectationText: String?) {
        self.customerName = customerName; self.previousOwnerName = previousOwnerName
        self.activityCount = activityCount; self.noteCount = noteCount; self.recentActivities = recentActivities
        self.openCommitments = openCommitments; self.keyPersons = keyPersons
        self.expectationLevel = expectationLevel; self.expectationText = expectationText
    }
}
