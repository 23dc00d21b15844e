import Foundation

public typealias LifecycleFactID = Identifier<LifecycleFact>

/// A customer's current stage, why, and since when (customers never computed are suspects).
public struct CustomerLifecycle: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var stage: LifecycleStage
    public var reason: LifecycleReason
    /// When the customer entered this stage (nil for a suspect never computed).
    public var since: Date?
    public var computedAt: Date?

    public init(customerID: CustomerID, stage: LifecycleStage, reason: LifecycleReason, since: Date?, computedAt: Date?) {
        self.customerID = customerID; self.stage = stage; self.reason = reason; self.since = since
        self.computedAt = computedAt
    }

    /// The state of a customer that has no stored stage.
    public static func unknown(_ customerID: CustomerID) -> CustomerLifecycle {
        CustomerLifecycle(customerID: customerID, stage: .suspect, reason: LifecycleReason(.noFacts), since: nil,
                          computedAt: nil)
    }
}

/// One move between stages, kept as history with the reason.
public struct LifecycleChange: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var from: LifecycleStage?
    public var to: LifecycleStage
    public var reason: LifecycleReason
    /// 'YYYY-MM' of the change (for the monthly flow).
    public var month: String
    public var at: Date

    public init(customerID: CustomerID, from: LifecycleStage?, to: LifecycleStage, reason: LifecycleReason,
                month: String, at: Date) {
        self.customerID = customerID; self.from = from; self.to = to; self.reason = reason; self.month = month
        self.at = at
    }
}

/// A fact recorded by hand with its evidence: exclusivity or a partnership. Revoked facts stay.
public struct LifecycleFact: Sendable, Codable, Equatable, Identifiable {
    public var id: LifecycleFactID
    public var customerID: CustomerID
    public var kind: LifecycleFactKind
    public var evidence: String
    public var recordedBy: UserID?
    public var recordedAt: Date
    public var revokedAt: Date?
    public var revokedBy: UserID?

    public init(id: LifecycleFactID, customerID: CustomerID, kind: LifecycleFactKind, evidence: String,
                recordedBy: UserID?, recordedAt: Date, revokedAt: Date? = nil, revokedBy: UserID? = nil) {
        self.id = id; self.customerID = customerID; self.kind = kind; self.evidence = evidence
        self.recordedBy = recordedBy; self.recordedAt = recordedAt; self.revokedAt = revokedAt; self.revokedBy = revokedBy
    }

    /// Checks the input of a new fact.
    public static func validate(evidence: String?) throws(ValidationFailed) {
        var v = Validator()
        v.required("evidence", evidence, max: 2000)
        try v.check()
    }
}

/// How many customers are in each stage, and how many moved between stages in each month.
public struct LifecycleSummary: Sendable, Codable, Equatable {
    public struct StageCount: Sendable, Codable, Equatable {
        public var stage: LifecycleStage
        public var count: Int
        public init(stage: LifecycleStage, count: Int) { self.stage = stage; self.count = count }
    }

    public struct Flow: Sendable, Codable, Equatable {
        public var month: String
        public var from: LifecycleStage?
        public var to: LifecycleStage
        public var count: Int
        public init(month: String, from: LifecycleStage?, to: LifecycleStage, count: Int) {
            self.month = month; self.from = from; self.to = to; self.count = count
        }
    }

    /// Every stage, in order (zero counts included).
    public var stages: [StageCount]
    /// Newest month first.
    public var flow: [Flow]

    public init(stages: [StageCount], flow: [Flow]) {
        self.stages = stages
        self.flow = flow
    }
}
