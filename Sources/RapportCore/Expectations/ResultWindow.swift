/// A span of calendar days over which results are added up; both ends are included.
public struct ResultWindow: Sendable, Codable, Equatable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from; self.to = to
    }

    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    /// The number of days in the window.
    public var days: Int { Self.dayNumber(to) - Self.dayNumber(from) + 1 }

    /// The window of `months` months ending on `end`, `back` whole windows earlier: `back` 0 is
    /// (end − months, end], `back` 1 the window just before it, and so on. Each boundary is counted
    /// from `end` directly (a 31st becomes the last day of a shorter month), so the windows tile
    /// without gaps or overlaps.
    static func ending(_ end: CalendarDate, months: Int, back: Int) -> ResultWindow {
        let to = shifted(end, months: -back * months)
        let before = shifted(end, months: -(back + 1) * months)
        return ResultWindow(from: dayAfter(before), to: to)
    }

    /// Whole months from `start` to `end` (0 when `end` is before `start`).
    static func months(from start: CalendarDate, to end: CalendarDate) -> Int {
        var count = (end.year * 12 + end.month) - (start.year * 12 + start.month)
        if count > 0 && shifted(start, months: count) > end { count -= 1 }
        return max(0, count)
    }

    // MARK: - Day and month arithmetic (kept private to this feature)

    /// The same day `months` months later (or earlier), clamped to the month's last day.
    static func shifted(_ date: CalendarDate, months: Int) -> CalendarDate {
        let index = date.year * 12 + (date.month - 1) + months
        var result = date
        result.year = index >= 0 ? index / 12 : (index - 11) / 12
        result.month = index - result.year * 12 + 1
        result.day = min(date.day, daysInMonth(year: result.year, month: result.month))
        return result
    }

    static func dayAfter(_ date: CalendarDate) -> CalendarDate { Self.date(dayNumber(date) + 1, like: date) }

    static func dayBefore(_ date: CalendarDate) -> CalendarDate { Self.date(dayNumber(date) - 1, like: date) }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    static func dayNumber(_ date: CalendarDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date for a day number; `like` only supplies a value to fill in.
    private static func date(_ number: Int, like template: CalendarDate) -> CalendarDate {
        let shiftedNumber = number + 719_468
        let era = (shiftedNumber >= 0 ? shiftedNumber : shiftedNumber - 146_096) / 146_097
        let dayOfEra = shiftedNumber - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        var result = template
        result.day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        result.month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        result.year = yearOfEra + era * 400 + (result.month <= 2 ? 1 : 0)
        return result
    }
}
