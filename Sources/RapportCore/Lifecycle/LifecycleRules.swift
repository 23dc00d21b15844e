import Foundation

/// The stage a customer is in on `today`, and why; the one place the stage rules live.
///
/// From the top: a recorded partnership makes a partner; a buyer who referred others is a
/// strategic partner; exclusivity on top of a long-term (or, by policy, repeat) relationship makes
/// an advocate; repeat orders over a long unbroken span make a long-term customer (one-time buyers
/// never do); two orders a repeat buyer, one a first purchase; an open deal or a passed
/// qualification a prospect; anything else a suspect.
public func lifecycleStage(for facts: LifecycleFacts, policy: LifecyclePolicy = .standard,
                           today: CalendarDate) -> (LifecycleStage, LifecycleReason) {
    let orders = String(facts.orderCount)
    let since = facts.firstOrderOn.map(dayText) ?? ""
    if let kind = facts.partnership {
        return (.partner, LifecycleReason(.partnership, ["kind": kind.rawValue, "evidence": facts.partnershipEvidence]))
    }
    if facts.referralsMade >= 1, facts.orderCount >= 1 {
        return (.strategicPartner, LifecycleReason(.referrals, ["referrals": String(facts.referralsMade), "orders": orders]))
    }
    let longTerm = isLongTerm(facts, policy: policy, today: today)
    if let evidence = facts.exclusiveEvidence, longTerm || (!policy.advocateNeedsLongTerm && facts.orderCount >= 2) {
        return (.advocate, LifecycleReason(.exclusive, ["evidence": evidence, "orders": orders, "since": since]))
    }
    if longTerm {
        return (.longTerm, LifecycleReason(.longTerm, ["orders": orders, "since": since, "years": String(facts.orderYears)]))
    }
    if facts.orderCount >= 2 {
        return (.repeatBuyer, LifecycleReason(.repeatOrders, ["orders": orders, "since": since]))
    }
    if facts.orderCount == 1 {
        return (.firstPurchase, LifecycleReason(.firstOrder, ["on": since]))
    }
    if facts.openDeals > 0 {
        return (.prospect, LifecycleReason(.openDeals, ["deals": String(facts.openDeals)]))
    }
    if facts.qualified { return (.prospect, LifecycleReason(.qualified)) }
    return (.suspect, LifecycleReason(.noFacts))
}

/// Repeat orders spanning the minimum time, with no long silence between them or since the last.
func isLongTerm(_ facts: LifecycleFacts, policy: LifecyclePolicy, today: CalendarDate) -> Bool {
    guard facts.orderCount >= policy.longTermMinOrders, let first = facts.firstOrderOn, let last = facts.lastOrderOn
    else { return false }
    let span = last.dayNumber - first.dayNumber
    let silence = today.dayNumber - last.dayNumber
    return span >= policy.longTermMinSpanDays && facts.longestGapDays <= policy.longTermMaxGapDays
        && silence <= policy.longTermMaxGapDays
}

/// `YYYY-MM-DD` without `String(format:)` (the full recompute formats a million of them).
func dayText(_ day: CalendarDate) -> String {
    func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
    return padded(day.year, 4) + "-" + padded(day.month, 2) + "-" + padded(day.day, 2)
}
