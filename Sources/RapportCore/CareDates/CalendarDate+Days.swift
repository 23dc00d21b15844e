import Foundation

/// Day arithmetic on `CalendarDate`, done on a plain day count so that it never depends on a
/// `Calendar`, a locale or the machine's time zone.
extension CalendarDate {
    /// The first and last days a `CalendarDate` can hold (years 1...9999), as day numbers.
    public static let dayNumberRange: ClosedRange<Int> = -719_162...2_932_896

    /// Whether `year` has a 29 February in the proleptic Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// How many days `month` (1...12) of `year` has; 0 for a month outside 1...12.
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 (which is day 0; earlier days are negative).
    public var dayNumber: Int {
        // Count from 1 March so that the leap day falls at the end of a counted year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01; nil outside years 1...9999.
    public init?(dayNumber: Int) {
        guard Self.dayNumberRange.contains(dayNumber) else { return nil }
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` days later (earlier when negative). Stops at 0001-01-01 and 9999-12-31,
    /// the ends of what a `CalendarDate` can hold.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        let target = overflow ? (days < 0 ? Self.dayNumberRange.lowerBound : Self.dayNumberRange.upperBound) : sum
        return Self.clamped(dayNumber: target)
    }

    /// Days from this date to `other`: positive when `other` is later, 0 on the same day.
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        // Day 0, 1970-01-01, was a Thursday.
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }

    /// The calendar date at `instant` in `timeZone`. Pure: the caller passes the clock's reading.
    public static func today(in timeZone: TimeZone, at instant: Date) -> CalendarDate {
        let offset = Double(timeZone.secondsFromGMT(for: instant))
        let days = ((instant.timeIntervalSince1970 + offset) / 86_400).rounded(.down)
        let lower = Double(dayNumberRange.lowerBound), upper = Double(dayNumberRange.upperBound)
        // NaN and infinities cannot come from a real clock; they land on the nearest end.
        let bounded = days.isNaN ? 0 : min(max(days, lower), upper)
        return clamped(dayNumber: Int(bounded))
    }

    /// The date for a day number pulled into the range a `CalendarDate` can hold.
    static func clamped(dayNumber: Int) -> CalendarDate {
        let bounded = min(max(dayNumber, dayNumberRange.lowerBound), dayNumberRange.upperBound)
        // Every day number in range maps to a valid date, so this always succeeds.
        guard let date = CalendarDate(dayNumber: bounded) else {
            preconditionFailure("day number \(bounded) is inside the supported range")
        }
        return date
    }
}
