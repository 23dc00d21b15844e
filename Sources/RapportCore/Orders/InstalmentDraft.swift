import Foundation

/// One instalment of a payment plan as typed.
public struct InstalmentDraft: Sendable, Codable, Equatable {
    public var amount: Int64
    public var dueOn: CalendarDate
    /// Nil = bank transfer.
    public var method: PaymentMethod?
    /// Nil = 3 days ahead.
    public var remindDays: Int?
    public var note: String?

    public init(amount: Int64, dueOn: CalendarDate, method: PaymentMethod? = nil, remindDays: Int? = nil,
                note: String? = nil) {
        self.amount = amount; self.dueOn = dueOn; self.method = method; self.remindDays = remindDays; self.note = note
    }

    public static let defaultRemindDays = 3
    public static let defaultTermDays = 30

    /// The plan used when none is given: the whole revenue due 30 days after the order date.
    public static func defaultPlan(revenue: Int64, orderedOn: CalendarDate) -> [InstalmentDraft] {
        [InstalmentDraft(amount: revenue, dueOn: orderedOn.adding(days: defaultTermDays), method: .bankTransfer,
                         remindDays: defaultRemindDays)]
    }

    /// Checks a whole plan: 1–60 instalments, positive amounts adding up to `revenue`, reminders
    /// 0–365 days ahead. Fields are named `instalments[i].field`; a wrong sum names `instalments`.
    public static func validate(_ plan: [InstalmentDraft], revenue: Int64) throws(ValidationFailed) {
        var v = Validator()
        if plan.isEmpty && revenue > 0 { v.add("instalments", .required) }
        if plan.count > 60 { v.add("instalments", .tooMany, detail: "60") }
        var sum: Int64 = 0
        for (index, item) in plan.enumerated() {
            let prefix = "instalments[\(index)]."
            if item.amount <= 0 || item.amount > 1_000_000_000_000_000 { v.add(prefix + "amount", .invalid) }
            else { sum += item.amount }
            if let days = item.remindDays, !(0...365).contains(days) { v.add(prefix + "remindDays", .invalid) }
            v.length(prefix + "note", item.note, max: 1000)
        }
        if v.errors.isEmpty, !plan.isEmpty, sum != revenue {
            v.add("instalments", .sumMismatch, detail: MinorUnits.plain(revenue))
        }
        try v.check()
    }
}
