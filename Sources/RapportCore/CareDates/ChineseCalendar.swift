import Foundation

/// A day in the Chinese lunisolar calendar (农历).
public struct LunarDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lunar year, numbered after the Gregorian year in which its first day (春节) falls.
    public var year: Int
    /// 1...12.
    public var month: Int
    /// 1...30.
    public var day: Int
    /// True in the intercalary month (闰月) that follows the regular month of the same number.
    public var isLeapMonth: Bool

    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `2025-06-01`, or `2025-L06-01` in a leap month.
    public var description: String {
        String(format: isLeapMonth ? "%04d-L%02d-%02d" : "%04d-%02d-%02d", year, month, day)
    }
}

/// Conversion between the Chinese lunisolar calendar and the Gregorian calendar for lunar
/// years 1900...2100 (1900-01-31 to 2101-01-28), from a table of month lengths and leap months.
/// It does not use Foundation's `Calendar(identifier: .chinese)`, whose data differs by platform.
///
/// The new moons that start lunar 2057-09, 2089-08 and 2097-07 fall within minutes of
/// midnight in China, so those three month boundaries are predictions that may move by a day.
public enum ChineseCalendar {
    /// The lunar years this type can convert.
    public static let supportedYears: ClosedRange<Int> = 1900...2100

    /// One month of a lunar year, in calendar order.
    public struct Month: Sendable, Hashable {
        public var month: Int
        public var isLeap: Bool
        /// 29 or 30.
        public var numberOfDays: Int
    }

    /// The leap month's number (闰N月) in `year`; nil when it has none or is not supported.
    public static func leapMonth(inYear year: Int) -> Int? {
        guard let info = info(year) else { return nil }
        let leap = info & 0xF
        return leap == 0 ? nil : leap
    }

    /// The months of `year` in order, the leap month right after its regular namesake.
    public static func months(ofYear year: Int) -> [Month]? {
        guard let info = info(year) else { return nil }
        let leap = info & 0xF
        var result: [Month] = []
        for month in 1...12 {
            result.append(Month(month: month, isLeap: false, numberOfDays: info & (0x10000 >> month) != 0 ? 30 : 29))
            if month == leap {
                result.append(Month(month: month, isLeap: true, numberOfDays: info & 0x10000 != 0 ? 30 : 29))
            }
        }
        return result
    }

    /// 29 or 30; nil when the month does not exist (a leap month the year lacks) or the year is
    /// not supported.
    public static func numberOfDays(inMonth month: Int, leap: Bool = false, year: Int) -> Int? {
        months(ofYear: year)?.first { $0.month == month && $0.isLeap == leap }?.numberOfDays
    }

    /// 353...355 days in a common lunar year, 383...385 in one with a leap month.
    public static func numberOfDays(inYear year: Int) -> Int? {
        months(ofYear: year)?.reduce(0) { $0 + $1.numberOfDays }
    }

    /// The Gregorian date of a lunar date; nil when that date does not exist (day 30 of a
    /// 29-day month, a leap month the year lacks) or the year is outside `supportedYears`.
    public static func gregorian(lunarYear year: Int, month: Int, day: Int, leap: Bool = false) -> CalendarDate? {
        guard let months = months(ofYear: year), let start = yearStart(year) else { return nil }
        var offset = 0
        for entry in months {
            if entry.month == month && entry.isLeap == leap {
                guard (1...entry.numberOfDays).contains(day) else { return nil }
                return CalendarDate(dayNumber: start + offset + day - 1)
            }
            offset += entry.numberOfDays
        }
        return nil
    }

    /// The Gregorian date of `date`; see `gregorian(lunarYear:month:day:leap:)`.
    public static func gregorian(_ date: LunarDate) -> CalendarDate? {
        gregorian(lunarYear: date.year, month: date.month, day: date.day, leap: date.isLeapMonth)
    }

    /// The lunar date of a Gregorian date; nil before 1900-01-31 or after 2101-01-28.
    public static func lunar(of date: CalendarDate) -> LunarDate? {
        let target = date.dayNumber
        let starts = yearStarts
        guard let first = starts.first, let end = starts.last, target >= first, target < end else { return nil }
        // The last year whose first day is on or before the target.
        var low = 0, high = starts.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= target { low = mid } else { high = mid - 1 }
        }
        let year = supportedYears.lowerBound + low
        var remaining = target - starts[low]
        for entry in months(ofYear: year) ?? [] {
            if remaining < entry.numberOfDays {
                return LunarDate(year: year, month: entry.month, day: remaining + 1, isLeapMonth: entry.isLeap)
            }
            remaining -= entry.numberOfDays
        }
        return nil
    }

    /// The day number of the first day (正月初一) of `year`.
    static func yearStart(_ year: Int) -> Int? {
        guard supportedYears.contains(year) else { return nil }
        return yearStarts[year - supportedYears.lowerBound]
    }

    private static func info(_ year: Int) -> Int? {
        guard supportedYears.contains(year) else { return nil }
        return yearInfo[year - supportedYears.lowerBound]
    }

    /// Day numbers of each supported year's first day, then the day after the last year ends.
    private static let yearStarts: [Int] = {
        var starts = [firstDayNumber]
        for year in supportedYears {
            let info = yearInfo[year - supportedYears.lowerBound]
            var length = 0
            for month in 1...12 { length += info & (0x10000 >> month) != 0 ? 30 : 29 }
            if info & 0xF != 0 { length += info & 0x10000 != 0 ? 30 : 29 }
            starts.append(starts[starts.count - 1] + length)
        }
        return starts
    }()

    /// Lunar 1900-01-01 is 1900-01-31, day -25537 counted from 1970-01-01.
    private static let firstDayNumber = -25_537

    /// One entry per lunar year from 1900. Bits 15...4 are months 1...12 (set: 30 days, clear:
    /// 29); bits 3...0 name the leap month (0: none); bit 16 is set when the leap month has 30
    /// days. This is the widely published table, with the entries for 1933, 1954, 1978 and 2057
    /// corrected to agree with astronomical computation and the Hong Kong Observatory's tables.
    private static let yearInfo: [Int] = [
        0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0,  // 1900-1907
        0x09ad0, 0x055d2, 0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540,  // 1908-1915
        0x0d6a0, 0x0ada2, 0x095b0, 0x14977, 0x04970, 0x0a4b0, 0x0b4b5, 0x06a50,  // 1916-1923
        0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, 0x06566, 0x0d4a0,  // 1924-1931
        0x0ea50, 0x16a95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950,  // 1932-1939
        0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2,  // 1940-1947
        0x0a950, 0x0b557, 0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573,  // 1948-1955
        0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, 0x0aea6, 0x0ab50, 0x04b60, 0x0aae4,  // 1956-1963
        0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, 0x096d0, 0x04dd5,  // 1964-1971
        0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6,  // 1972-1979
        0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46,  // 1980-1987
        0x0ab60, 0x09570, 0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58,  // 1988-1995
        0x05ac0, 0x0ab60, 0x096d5, 0x092e0, 0x0c960, 0x0d954, 0x0d4a0, 0x0da50,  // 1996-2003
        0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, 0x0a950, 0x0b4a0,  // 2004-2011
        0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,  // 2012-2019
        0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260,  // 2020-2027
        0x0ea65, 0x0d530, 0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0,  // 2028-2035
        0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, 0x0b5a0, 0x056d0, 0x055b2, 0x049b0,  // 2036-2043
        0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, 0x14b63, 0x09370,  // 2044-2051
        0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0,  // 2052-2059
        0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0,  // 2060-2067
        0x0a6d0, 0x055d4, 0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50,  // 2068-2075
        0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, 0x0b273, 0x06930, 0x07337, 0x06aa0,  // 2076-2083
        0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, 0x0e968, 0x0d520,  // 2084-2091
        0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252,  // 2092-2099
        0x0d520,  // 2100
    ]
}
