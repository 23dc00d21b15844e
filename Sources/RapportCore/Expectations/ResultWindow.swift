/// A span of calendar days over which results are added up; both ends are included.
public struct ResultWindow: Sendable, Codable, Equatable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from; self.to = to
    }

    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    /// The number of days in the window.
    public var days: Int { from.days(until: to) + 1 }

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

    // MARK: - Month arithmetic

    /// The same day `months` months later (or earlier), clamped to the month's last day.
    static func shifted(_ date: CalendarDate, months: Int) -> CalendarDate {
        let index = date.year * 12 + (date.month - 1) + months
        var result = date
        result.year = index >= 0 ? index / 12 : (index - 11) / 12
        result.month = index - result.year * 12 + 1
        result.day = min(date.day, CalendarDate.numberOfDays(inMonth: result.month, year: result.year))
        return result
    }

    static func dayAfter(_ date: CalendarDate) -> CalendarDate { date.adding(days: 1) }

    static func dayBefore(_ date: CalendarDate) -> CalendarDate { date.adding(days: -1) }
}
