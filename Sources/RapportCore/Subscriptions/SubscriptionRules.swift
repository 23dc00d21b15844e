import Foundation

/// The state rules of a subscription term, as pure functions (DOMAIN part 3): an active term is
/// renewed by a next term that links back to it, churns with at least one reason, and lapses once
/// its last day has passed with neither.
public enum SubscriptionRules {
    /// Days before the end at which the owner is reminded to talk about renewal (never make first
    /// contact at expiry).
    public static let renewalNoticeDays = 60

    /// The last day of a term of `months` months starting on `start` (the day before the same day
    /// `months` later; clamped to the month's length).
    public static func endOfTerm(startingOn start: CalendarDate, months: Int) -> CalendarDate {
        let total = start.year * 12 + (start.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        let day = min(start.day, CalendarDate.numberOfDays(inMonth: month, year: year))
        let sameDay = CalendarDate(year: year, month: month, day: day) ?? start
        return sameDay.adding(days: -1)
    }

    /// The next term after `previous`: starts the day after it ends; by default of the same length
    /// and price. Throws when the previous term cannot be renewed (only active or lapsed ones can;
    /// a lapsed term renewed late is a renewal all the same).
    public static func nextTerm(after previous: Subscription, _ input: RenewalInput, id: SubscriptionID,
                                by user: UserID, now: Date) throws(ValidationFailed) -> Subscription {
        var v = Validator()
        if previous.state != .active && previous.state != .lapsed {
            v.add("state", .invalid, detail: "\(previous.state.rawValue)→renewed")
        }
        let start = previous.endsOn.adding(days: 1)
        let end = input.endsOn
            ?? input.termMonths.map { endOfTerm(startingOn: start, months: $0) }
            ?? start.adding(days: previous.lengthInDays - 1)
        if end < start { v.add("endsOn", .beforeStart) }
        if let months = input.termMonths, !(1...120).contains(months) { v.add("termMonths", .outOfRange, detail: "1…120") }
        if let price = input.price, price < 0 { v.add("price", .outOfRange, detail: "≥ 0") }
        v.length("renewalNote", input.note, max: 4000)
        try v.check()
        return Subscription(id: id, customerID: previous.customerID, productID: previous.productID,
                            orderID: input.orderID, startsOn: start, endsOn: end, price: input.price ?? previous.price,
                            currency: previous.currency, previousID: previous.id, renewalReasons: input.reasons,
                            renewalNote: input.note, createdBy: user, createdAt: now, updatedAt: now)
    }

    /// Marks the previous term renewed.
    public static func markRenewed(_ previous: Subscription, now: Date) -> Subscription {
        var after = previous
        after.state = .renewed
        after.updatedAt = now
        after.version += 1
        return after
    }

    /// Records that the customer left. Only active or lapsed terms churn, and only with at least one
    /// reason.
    public static func churn(_ current: Subscription, _ input: ChurnInput, today: CalendarDate,
                             now: Date) throws(ValidationFailed) -> Subscription {
        var v = Validator()
        if current.state != .active && current.state != .lapsed {
            v.add("state", .invalid, detail: "\(current.state.rawValue)→churned")
        }
        let reasons = Self.unique(input.reasons)
        if reasons.isEmpty { v.add("churnReasons", .required) }
        v.length("churnNote", input.note, max: 4000)
        try v.check()
        var after = current
        after.state = .churned
        after.churnReasons = reasons
        after.churnNote = input.note
        after.churnedOn = input.churnedOn ?? today
        after.updatedAt = now
        after.version += 1
        return after
    }

    /// True when an active term's last day is before `today`.
    public static func shouldLapse(_ s: Subscription, today: CalendarDate) -> Bool {
        s.state == .active && s.endsOn < today
    }

    /// True when an active term ends within the renewal notice window of `today`.
    public static func needsRenewalNotice(_ s: Subscription, today: CalendarDate) -> Bool {
        s.state == .active && s.endsOn >= today && today.days(until: s.endsOn) <= renewalNoticeDays
    }

    /// The codes in first-seen order, blanks dropped.
    public static func unique(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
