import Foundation

/// The calendar a recurring date is kept in.
public enum CareCalendar: String, Sendable, Hashable, Codable, CaseIterable {
    /// The Gregorian calendar (公历).
    case solar
    /// The Chinese lunisolar calendar (农历), see `ChineseCalendar`.
    case lunar
}

/// A month and day that come back every year, in the Gregorian or the Chinese lunar calendar.
///
/// Days that a year lacks fall back to the nearest real day before them:
/// - 29 February in a common year is kept on 28 February;
/// - lunar day 30 in a 29-day month is kept on that month's 29th;
/// - a leap-month (闰月) date in a year without that leap month is kept in the regular month.
public struct AnnualDate: Sendable, Hashable, Codable {
    public var calendar: CareCalendar
    /// 1...12.
    public var month: Int
    /// 1...31 for solar dates, 1...30 for lunar ones.
    public var day: Int
    /// Lunar only: the date lies in the leap month that follows `month`.
    public var leapMonth: Bool

    public init(calendar: CareCalendar = .solar, month: Int, day: Int, leapMonth: Bool = false) {
        self.calendar = calendar
        self.month = month
        self.day = day
        self.leapMonth = leapMonth
    }

    /// The highest day number `month` can hold in this calendar (29 February counts), or nil
    /// when the month is outside 1...12.
    public static func maximumDay(inMonth month: Int, calendar: CareCalendar) -> Int? {
        guard (1...12).contains(month) else { return nil }
        switch calendar {
        case .solar: return CalendarDate.numberOfDays(inMonth: month, year: 2000)
        case .lunar: return 30
        }
    }

    /// The Gregorian day this date falls on in `year`, counted in the date's own calendar (a
    /// lunar year for a lunar date), with the fallbacks above. Nil when the month or day is out
    /// of range, or the year is outside 1...9999 (solar) or `ChineseCalendar.supportedYears`.
    public func occurrence(inYear year: Int) -> CalendarDate? {
        guard let maximum = Self.maximumDay(inMonth: month, calendar: calendar), (1...maximum).contains(day) else {
            return nil
        }
        switch calendar {
        case .solar:
            guard !leapMonth else { return nil }
            return CalendarDate(year: year, month: month, day: min(day, CalendarDate.numberOfDays(inMonth: month, year: year)))
        case .lunar:
            let inLeap = leapMonth && ChineseCalendar.leapMonth(inYear: year) == month
            guard let length = ChineseCalendar.numberOfDays(inMonth: month, leap: inLeap, year: year) else { return nil }
            return ChineseCalendar.gregorian(lunarYear: year, month: month, day: min(day, length), leap: inLeap)
        }
    }

    /// The first day on or after `date` that this date falls on; nil past the supported years.
    public func nextOccurrence(onOrAfter date: CalendarDate) -> CalendarDate? {
        nextOccurrenceAndYear(onOrAfter: date)?.date
    }

    /// The next occurrence together with the year it belongs to, in the date's own calendar.
    func nextOccurrenceAndYear(onOrAfter date: CalendarDate) -> (date: CalendarDate, year: Int)? {
        let firstYear: Int
        switch calendar {
        case .solar:
            firstYear = date.year
        case .lunar:
            // A lunar year's dates all lie on or after its first day, so the year `date` is in
            // and the one after it hold the answer.
            guard let lunar = ChineseCalendar.lunar(of: date) else { return nil }
            firstYear = lunar.year
        }
        for year in firstYear...(firstYear + 1) {
            if let candidate = occurrence(inYear: year), candidate >= date { return (candidate, year) }
        }
        return nil
    }
}
