import Foundation

/// The pipeline's rules as pure functions: only open deals move between stages; won and lost are
/// states (not stages) and closing needs a reason; a closed deal can be reopened into a stage
/// unless it already created its order.
extension Deal {
    /// The longest close reason accepted.
    public static let maxReasonLength = 2000

    /// The deal moved to another stage (no change when it is already there).
    public func moved(to stage: DealStageID, at now: Date) throws(ValidationFailed) -> Deal {
        guard state == .open else { throw ValidationFailed(errors: [FieldError("state", .closed)]) }
        var d = self
        if stage != stageID { d.stageID = stage; d.stageChangedAt = now }
        return d
    }

    /// The deal closed as won (`true`) or lost, with the reason, on `day`.
    public func closed(won: Bool, reason: String, on day: CalendarDate) throws(ValidationFailed) -> Deal {
        var v = Validator()
        if state != .open { v.add("state", .closed) }
        v.required("reason", reason, max: Self.maxReasonLength)
        try v.check()
        var d = self
        d.state = won ? .won : .lost
        d.closeReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        d.closedOn = day
        return d
    }

    /// The closed deal open again, in `stage` (default: the stage it closed from).
    public func reopened(in stage: DealStageID?, at now: Date) throws(ValidationFailed) -> Deal {
        guard state != .open else { throw ValidationFailed(errors: [FieldError("state", .notClosed)]) }
        guard orderID == nil else { throw ValidationFailed(errors: [FieldError("state", .hasOrder)]) }
        var d = self
        d.state = .open
        d.closeReason = ""
        d.closedOn = nil
        if let stage, stage != stageID { d.stageID = stage; d.stageChangedAt = now }
        return d
    }

    /// Whether this deal may create its order now: won and not yet linked to one.
    public var canCreateOrder: Bool { state == .won && orderID == nil && deletedAt == nil }
}
