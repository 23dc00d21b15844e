import Foundation

/// The facts the recycle rules judge an owned customer by.
public struct RecycleFacts: Sendable, Equatable {
    /// When the current owner took the customer.
    public var ownedSince: Date
    /// The latest follow-up (activity) by anyone, if any.
    public var lastFollowUp: Date?
    /// When the latest deal with the customer was opened, if any.
    public var lastDeal: Date?
    /// Won, or has an order that is not cancelled.
    public var closed: Bool
    public var hasOpenDeals: Bool
    public var locked: Bool

    public init(ownedSince: Date, lastFollowUp: Date? = nil, lastDeal: Date? = nil, closed: Bool = false,
                hasOpenDeals: Bool = false, locked: Bool = false) {
        self.ownedSince = ownedSince; self.lastFollowUp = lastFollowUp; self.lastDeal = lastDeal
        self.closed = closed; self.hasOpenDeals = hasOpenDeals; self.locked = locked
    }
}

/// Why a customer is kept, warned about or recycled.
public enum RecycleReason: String, Sendable, Codable, CaseIterable {
    case noFollowUp, noDeal, notClosed
    case locked, closed, openDeals, noRules, notDue
}

/// What the recycle pass does with one owned customer.
public enum RecycleAction: Sendable, Equatable {
    case recycle
    /// Recycled in `daysLeft` days (1 = by this time tomorrow) unless someone acts.
    case warn(daysLeft: Int)
    case keep
}

public struct RecycleDecision: Sendable, Equatable {
    public var action: RecycleAction
    public var reason: RecycleReason
    /// When the customer returns to the pool if nothing changes (for recycle and warn).
    public var due: Date?

    public init(action: RecycleAction, reason: RecycleReason, due: Date? = nil) {
        self.action = action; self.reason = reason; self.due = due
    }

    static let day: TimeInterval = 86_400

    /// Judges one owned customer at `now` by a pool's rules. Locked customers are kept; closed
    /// customers and customers with open deals are kept unless the pool's switches say otherwise.
    /// Each day rule gives a due time (no follow-up: N days after the later of taking it and the
    /// last follow-up; no deal: M days after the later of taking it and the last deal opened; not
    /// closed: K days after taking it, unless closed); the earliest due time decides: past →
    /// recycle, within `warnDays` → warn, else keep.
    public static func judge(_ facts: RecycleFacts, rules: PoolRules, now: Date) -> RecycleDecision {
        if facts.locked { return RecycleDecision(action: .keep, reason: .locked) }
        guard rules.recycles else { return RecycleDecision(action: .keep, reason: .noRules) }
        if facts.closed && !rules.recycleClosed { return RecycleDecision(action: .keep, reason: .closed) }
        if facts.hasOpenDeals && !rules.recycleWithOpenDeals { return RecycleDecision(action: .keep, reason: .openDeals) }
        var candidates: [(Date, RecycleReason)] = []
        if let days = rules.noFollowUpDays {
            let since = max(facts.ownedSince, facts.lastFollowUp ?? facts.ownedSince)
            candidates.append((since.addingTimeInterval(Double(days) * day), .noFollowUp))
        }
        if let days = rules.noDealDays {
            let since = max(facts.ownedSince, facts.lastDeal ?? facts.ownedSince)
            candidates.append((since.addingTimeInterval(Double(days) * day), .noDeal))
        }
        if let days = rules.notClosedDays, !facts.closed {
            candidates.append((facts.ownedSince.addingTimeInterval(Double(days) * day), .notClosed))
        }
        guard let (due, reason) = candidates.min(by: { $0.0 < $1.0 }) else {
            return RecycleDecision(action: .keep, reason: .notDue)
        }
        if due <= now { return RecycleDecision(action: .recycle, reason: reason, due: due) }
        let daysLeft = Int((due.timeIntervalSince(now) / day).rounded(.up))
        if daysLeft <= rules.warnDays { return RecycleDecision(action: .warn(daysLeft: daysLeft), reason: reason, due: due) }
        return RecycleDecision(action: .keep, reason: .notDue, due: due)
    }

    /// Whether `previousOwner` is still cooling off at `now` for a customer they lost at `leftAt`.
    public static func coolingOff(leftAt: Date?, cooloffDays: Int, now: Date) -> Bool {
        guard let leftAt, cooloffDays > 0 else { return false }
        return now < leftAt.addingTimeInterval(Double(cooloffDays) * day)
    }
}
