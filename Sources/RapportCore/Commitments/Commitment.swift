import Foundation

public typealias CommitmentID = Identifier<Commitment>

/// Where a promise stands (DOMAIN part 4). Only `open` promises can become overdue.
public enum CommitmentState: String, Sendable, Codable, CaseIterable {
    case open, done, broken, cancelled

    /// The states a promise may move to from this one; closed promises can be reopened.
    public var allowedNext: Set<CommitmentState> {
        switch self {
        case .open: [.done, .broken, .cancelled]
        case .done, .broken, .cancelled: [.open]
        }
    }
}

/// A promise made to a customer (承诺): what, to whom, who keeps it, by when.
public struct Commitment: Sendable, Codable, Equatable, Identifiable {
    public var id: CommitmentID
    public var customerID: CustomerID
    /// The key person the promise was made to, when it was one person.
    public var contactID: ContactID?
    /// The staff member who must keep the promise.
    public var ownerID: UserID
    public var title: String
    public var details: String
    public var dueOn: CalendarDate
    public var state: CommitmentState
    /// How it was kept (required when marked done).
    public var evidence: String
    public var createdBy: UserID
    public var createdAt: Date
    public var updatedAt: Date
    /// When it left the open state.
    public var closedAt: Date?
    /// When the escalation job first reported it overdue (to the owner and the manager).
    public var escalatedAt: Date?
    public var deletedAt: Date?
    public var version: Int

    public init(id: CommitmentID, customerID: CustomerID, contactID: ContactID?, ownerID: UserID, title: String,
                details: String, dueOn: CalendarDate, state: CommitmentState = .open, evidence: String = "",
                createdBy: UserID, createdAt: Date, updatedAt: Date, closedAt: Date? = nil, escalatedAt: Date? = nil,
                deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.customerID = customerID; self.contactID = contactID; self.ownerID = ownerID
        self.title = title; self.details = details; self.dueOn = dueOn; self.state = state; self.evidence = evidence
        self.createdBy = createdBy; self.createdAt = createdAt; self.updatedAt = updatedAt; self.closedAt = closedAt
        self.escalatedAt = escalatedAt; self.deletedAt = deletedAt; self.version = version
    }

    /// Open and past its due date on `today` (the owner's calendar day).
    public func isOverdue(today: CalendarDate) -> Bool {
        state == .open && dueOn < today
    }
}

/// The editable fields of a promise; `nil` = not given.
public struct CommitmentDraft: Sendable, Codable, Equatable {
    public var contactID: ContactID??
    public var ownerID: UserID?
    public var title: String?
    public var details: String?
    public var dueOn: CalendarDate?
    public var state: CommitmentState?
    public var evidence: String?

    public init(contactID: ContactID?? = nil, ownerID: UserID? = nil, title: String? = nil, details: String? = nil,
                dueOn: CalendarDate? = nil, state: CommitmentState? = nil, evidence: String? = nil) {
        self.contactID = contactID; self.ownerID = ownerID; self.title = title; self.details = details
        self.dueOn = dueOn; self.state = state; self.evidence = evidence
    }

    /// Checks the fields alone; `current` is the stored promise when updating.
    public func validate(current: Commitment?) throws(ValidationFailed) {
        var v = Validator()
        if current == nil || title != nil { v.required("title", title, max: 200) }
        v.length("details", details, max: 4000)
        v.length("evidence", evidence, max: 4000)
        if current == nil && dueOn == nil { v.add("dueOn", .required) }
        if let state, let current, state != current.state, !current.state.allowedNext.contains(state) {
            v.add("state", .invalid, detail: "\(current.state.rawValue)→\(state.rawValue)")
        }
        let finalState = state ?? current?.state ?? .open
        let finalEvidence = evidence ?? current?.evidence ?? ""
        if finalState == .done && finalEvidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            v.add("evidence", .required)
        }
        try v.check()
    }

    /// Applies the given fields; `now` stamps `closedAt` when the state leaves or re-enters `open`.
    public func apply(to c: inout Commitment, now: Date) {
        if let contactID { c.contactID = contactID }
        if let ownerID { c.ownerID = ownerID }
        if let title { c.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let details { c.details = details }
        if let dueOn, dueOn != c.dueOn { c.dueOn = dueOn; c.escalatedAt = nil }
        if let evidence { c.evidence = evidence }
        if let state, state != c.state {
            c.state = state
            c.closedAt = state == .open ? nil : now
            if state == .open { c.escalatedAt = nil }
        }
    }
}

extension Commitment: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .commitment
    public var recordID: String { id.description }

    public var references: [RecordReference] {
        [contactID.map { .contact($0, field: "contactID") }, .user(ownerID, field: "ownerID")].compactMap { $0 }
    }
}
