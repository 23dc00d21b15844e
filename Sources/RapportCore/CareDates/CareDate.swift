import Foundation

/// A recurring date in the life of a customer or one of its key people — a birthday, an
/// anniversary, a founding day, an honour — that the agenda reminds the owner of ahead of time.
public struct CareDate: Sendable, Hashable, Codable {
    /// Allowed reminder lead times, in days.
    public static let leadDaysRange: ClosedRange<Int> = 0...60
    public static let titleMaxLength = 100

    public var kind: CareDateKind
    public var calendar: CareCalendar
    /// 1...12.
    public var month: Int
    /// 1...31 (solar) or 1...30 (lunar).
    public var day: Int
    /// Lunar only: the date lies in the leap month (闰月) after `month`.
    public var leapMonth: Bool
    /// The year of the original event (birth, founding...), counted in `calendar` — a lunar
    /// year for a lunar date. When set, occurrences start the year after, and each one knows
    /// how many years it marks.
    public var year: Int?
    /// Days ahead of the date that the reminder shows; 0 means on the day only.
    public var leadDays: Int
    public var title: String

    /// `leadDays` defaults to the kind's `defaultLeadDays`.
    public init(kind: CareDateKind, calendar: CareCalendar = .solar, month: Int, day: Int, leapMonth: Bool = false,
                year: Int? = nil, leadDays: Int? = nil, title: String = "") {
        self.kind = kind
        self.calendar = calendar
        self.month = month
        self.day = day
        self.leapMonth = leapMonth
        self.year = year
        self.leadDays = leadDays ?? kind.defaultLeadDays
        self.title = title
    }

    /// The month and day as a recurring date.
    public var annualDate: AnnualDate {
        AnnualDate(calendar: calendar, month: month, day: day, leapMonth: leapMonth)
    }

    /// Checks the fields: `month`, `day`, `leapMonth`, `year`, `leadDays` and `title`.
    /// When `year` is set, the date must have existed in that year (no 29 February in a
    /// common year, no lunar 30th in a 29-day month, no leap month the year lacked).
    public func validate() throws(ValidationFailed) {
        var v = Validator()
        let maximumDay = AnnualDate.maximumDay(inMonth: month, calendar: calendar)
        if maximumDay == nil { v.add("month", .outOfRange, detail: "12") }
        let dayLimit = maximumDay ?? (calendar == .solar ? 31 : 30)
        if !(1...dayLimit).contains(day) { v.add("day", .outOfRange, detail: String(dayLimit)) }
        if leapMonth && calendar == .solar { v.add("leapMonth", .invalid) }
        if let year {
            if !(1...9999).contains(year) {
                v.add("year", .outOfRange, detail: "9999")
            } else if v.errors.isEmpty {
                checkExisted(inYear: year, into: &v)
            }
        }
        if !Self.leadDaysRange.contains(leadDays) {
            v.add("leadDays", .outOfRange, detail: String(Self.leadDaysRange.upperBound))
        }
        v.length("title", title, max: Self.titleMaxLength)
        try v.check()
    }

    private func checkExisted(inYear year: Int, into v: inout Validator) {
        switch calendar {
        case .solar:
            if CalendarDate(year: year, month: month, day: day) == nil { v.add("day", .invalid) }
        case .lunar:
            // Years outside the table cannot be checked; the date is kept as entered.
            guard ChineseCalendar.supportedYears.contains(year) else { return }
            if leapMonth && ChineseCalendar.leapMonth(inYear: year) != month {
                v.add("leapMonth", .invalid)
            } else if ChineseCalendar.gregorian(lunarYear: year, month: month, day: day, leap: leapMonth) == nil {
                v.add("day", .invalid)
            }
        }
    }

    /// The first day on or after `date` that this care date falls on, with the fallbacks of
    /// `AnnualDate` (29 February → 28 February, lunar 30th → the month's last day, missing leap
    /// month → the regular month). Nil past the calendar's supported years.
    public func nextOccurrence(onOrAfter date: CalendarDate) -> CalendarDate? {
        nextOccurrenceAndYear(onOrAfter: date)?.date
    }

    /// The next occurrence when it is within the reminder window: `horizonDays` when given,
    /// else `leadDays`. The occurrence on `today` itself is included.
    public func upcoming(from today: CalendarDate, horizonDays: Int? = nil) -> UpcomingCareDate? {
        guard let next = nextOccurrenceAndYear(onOrAfter: today) else { return nil }
        let daysUntil = today.days(until: next.date)
        guard daysUntil <= horizonDays ?? leadDays else { return nil }
        return UpcomingCareDate(careDate: self, date: next.date, daysUntil: daysUntil, years: year.map { next.year - $0 })
    }

    private func nextOccurrenceAndYear(onOrAfter date: CalendarDate) -> (date: CalendarDate, year: Int)? {
        let annual = annualDate
        // The original event is not an occurrence: the first one is a year later.
        if let year, year < Int.max, let first = annual.occurrence(inYear: year + 1), first >= date {
            return (first, year + 1)
        }
        guard let next = annual.nextOccurrenceAndYear(onOrAfter: date) else { return nil }
        if let year, next.year <= year { return nil }
        return next
    }
}

extension CareDate {
    private enum CodingKeys: String, CodingKey {
        case kind, calendar, month, day, leapMonth, year, leadDays, title
    }

    /// Reads a care date; only `kind`, `month` and `day` are required, the rest take the defaults
    /// of `init(kind:calendar:month:day:leapMonth:year:leadDays:title:)` (solar, not a leap month,
    /// the kind's lead time, no title).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(CareDateKind.self, forKey: .kind),
                  calendar: try c.decodeIfPresent(CareCalendar.self, forKey: .calendar) ?? .solar,
                  month: try c.decode(Int.self, forKey: .month), day: try c.decode(Int.self, forKey: .day),
                  leapMonth: try c.decodeIfPresent(Bool.self, forKey: .leapMonth) ?? false,
                  year: try c.decodeIfPresent(Int.self, forKey: .year),
                  leadDays: try c.decodeIfPresent(Int.self, forKey: .leadDays),
                  title: try c.decodeIfPresent(String.self, forKey: .title) ?? "")
    }
}

/// A care date whose next occurrence is inside its reminder window.
public struct UpcomingCareDate: Sendable, Hashable {
    public var careDate: CareDate
    public var date: CalendarDate
    /// 0 on the day itself.
    public var daysUntil: Int
    /// Years since the original event ("turns 50", "10th anniversary"), when its year is known.
    public var years: Int?

    public init(careDate: CareDate, date: CalendarDate, daysUntil: Int, years: Int?) {
        self.careDate = careDate
        self.date = date
        self.daysUntil = daysUntil
        self.years = years
    }
}
