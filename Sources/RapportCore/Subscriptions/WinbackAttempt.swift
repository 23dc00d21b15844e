import Foundation

public typealias WinbackAttemptID = Identifier<WinbackAttempt>

/// How the team tried to bring a churned customer back (the approaches DOMAIN part 3 names).
public enum WinbackApproach: String, Sendable, Codable, CaseIterable {
    /// A coupon or special offer.
    case offer
    /// A scenario-based campaign.
    case campaign
    /// Personal care (情感关怀).
    case personalCare
}

/// What came of one win-back attempt.
public enum WinbackOutcome: String, Sendable, Codable, CaseIterable {
    case noResponse, declined, interested, returned
}

/// One attempt to win a churned customer back.
public struct WinbackAttempt: Sendable, Codable, Equatable, Identifiable {
    public var id: WinbackAttemptID
    public var customerID: CustomerID
    /// The churned term the attempt is about (the customer's latest churned term by default).
    public var subscriptionID: SubscriptionID?
    public var approach: WinbackApproach
    public var outcome: WinbackOutcome
    public var note: String
    public var userID: UserID
    public var attemptedOn: CalendarDate
    public var createdAt: Date

    public init(id: WinbackAttemptID, customerID: CustomerID, subscriptionID: SubscriptionID?,
                approach: WinbackApproach, outcome: WinbackOutcome, note: String, userID: UserID,
                attemptedOn: CalendarDate, createdAt: Date) {
        self.id = id; self.customerID = customerID; self.subscriptionID = subscriptionID; self.approach = approach
        self.outcome = outcome; self.note = note; self.userID = userID; self.attemptedOn = attemptedOn
        self.createdAt = createdAt
    }
}

/// The fields of a new win-back attempt.
public struct WinbackAttemptDraft: Sendable, Codable, Equatable {
    public var subscriptionID: SubscriptionID?
    public var approach: WinbackApproach?
    public var outcome: WinbackOutcome?
    public var note: String?
    public var attemptedOn: CalendarDate?

    public init(subscriptionID: SubscriptionID? = nil, approach: WinbackApproach? = nil, outcome: WinbackOutcome? = nil,
                note: String? = nil, attemptedOn: CalendarDate? = nil) {
        self.subscriptionID = subscriptionID; self.approach = approach; self.outcome = outcome; self.note = note
        self.attemptedOn = attemptedOn
    }

    /// Approach and outcome are required; the day may not be in the future.
    public func validate(today: CalendarDate) throws(ValidationFailed) {
        var v = Validator()
        if approach == nil { v.add("approach", .required) }
        if outcome == nil { v.add("outcome", .required) }
        v.length("note", note, max: 4000)
        if let attemptedOn, attemptedOn > today { v.add("attemptedOn", .future) }
        try v.check()
    }
}

/// A churned customer on the win-back list: their latest churned term and its reasons.
public struct WinbackEntry: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var customerName: String
    public var ownerID: UserID?
    public var subscriptionID: SubscriptionID
    public var churnedOn: CalendarDate
    public var churnReasons: [String]
    public var churnNote: String
    public var attempts: Int
    public var lastOutcome: WinbackOutcome?

    public init(customerID: CustomerID, customerName: String, ownerID: UserID?, subscriptionID: SubscriptionID,
                churnedOn: CalendarDate, churnReasons: [String], churnNote: String, attempts: Int,
                lastOutcome: WinbackOutcome?) {
        self.customerID = customerID; self.customerName = customerName; self.ownerID = ownerID
        self.subscriptionID = subscriptionID; self.churnedOn = churnedOn; self.churnReasons = churnReasons
        self.churnNote = churnNote; self.attempts = attempts; self.lastOutcome = lastOutcome
    }
}

/// One cell of the "what works" table: attempts with one approach on customers who left for one reason.
public struct WinbackEffectiveness: Sendable, Codable, Equatable {
    public var reason: String
    public var approach: WinbackApproach
    public var attempts: Int
    /// Attempts whose outcome was `returned`.
    public var returns: Int

    public init(reason: String, approach: WinbackApproach, attempts: Int, returns: Int) {
        self.reason = reason; self.approach = approach; self.attempts = attempts; self.returns = returns
    }
}
