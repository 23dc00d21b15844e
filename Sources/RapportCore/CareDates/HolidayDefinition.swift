import Foundation

/// When a holiday falls each year.
public enum HolidayDate: Sendable, Hashable {
    /// A fixed solar or lunar month and day, e.g. lunar 8-15 for 中秋节.
    case annual(AnnualDate)
    /// 除夕, Chinese New Year's Eve: the last day of the lunar year, the day before 春节.
    /// It is lunar 12-29 or 12-30, and would be in the leap month if a year had a leap 12th.
    case lunarNewYearsEve

    /// The first day on or after `date` that the holiday falls on; nil past the supported years.
    public func nextOccurrence(onOrAfter date: CalendarDate) -> CalendarDate? {
        switch self {
        case .annual(let annual):
            return annual.nextOccurrence(onOrAfter: date)
        case .lunarNewYearsEve:
            // The eve of the lunar year after the one `date` is in is never before `date`.
            guard let lunar = ChineseCalendar.lunar(of: date),
                  let newYear = ChineseCalendar.gregorian(lunarYear: lunar.year + 1, month: 1, day: 1)
            else { return nil }
            return newYear.adding(days: -1)
        }
    }
}

/// One holiday of the agenda, as read from the holidays reference file.
///
/// JSON: `{"id": "mid-autumn", "calendar": "lunar", "month": 8, "day": 15, "leadDays": 10,
/// "names": {"zh-Hans": "中秋节", "en": "Mid-Autumn Festival"}}`; `leapMonth` is optional
/// (lunar only). Instead of `calendar`, `month` and `day`, a holiday may give
/// `"rule": "lunarNewYearsEve"`.
public struct HolidayDefinition: Sendable, Hashable, Codable {
    public static let leadDaysRange: ClosedRange<Int> = 0...60

    /// A stable key, unique within a calendar, e.g. `spring-festival`.
    public var id: String
    public var date: HolidayDate
    /// Days ahead that the agenda starts showing the holiday; 0 means on the day only.
    public var leadDays: Int
    /// Display names by language tag (`zh-Hans`, `en`).
    public var names: [String: String]

    public init(id: String, date: HolidayDate, leadDays: Int, names: [String: String]) {
        self.id = id
        self.date = date
        self.leadDays = leadDays
        self.names = names
    }

    /// The name for `languageTag`: an exact match, else one in the same language (`zh-Hans`
    /// for `zh` or `zh-Hans-CN`), else English, else the id.
    public func name(for languageTag: String) -> String {
        if let exact = names[languageTag] { return exact }
        let language = languageTag.split(separator: "-").first.map(String.init)?.lowercased() ?? ""
        let sameLanguage = names.keys.sorted().first {
            $0.split(separator: "-").first.map(String.init)?.lowercased() == language
        }
        if let sameLanguage, let name = names[sameLanguage] { return name }
        return names["en"] ?? id
    }

    private enum CodingKeys: String, CodingKey {
        case id, calendar, month, day, leapMonth, rule, leadDays, names
    }

    private static let lunarNewYearsEveRule = "lunarNewYearsEve"

    /// Decodes and checks one holiday; each problem is reported against the key it concerns.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        if id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "must not be empty")
        }
        if let rule = try c.decodeIfPresent(String.self, forKey: .rule) {
            guard rule == Self.lunarNewYearsEveRule else {
                throw DecodingError.dataCorruptedError(forKey: .rule, in: c,
                    debugDescription: "unknown rule \"\(rule)\"; the only rule is \"\(Self.lunarNewYearsEveRule)\"")
            }
            for key in [CodingKeys.calendar, .month, .day, .leapMonth] where c.contains(key) {
                throw DecodingError.dataCorruptedError(forKey: key, in: c,
                    debugDescription: "must not be given together with \"rule\"")
            }
            date = .lunarNewYearsEve
        } else {
            date = .annual(try Self.decodeAnnualDate(from: c))
        }
        leadDays = try c.decode(Int.self, forKey: .leadDays)
        if !Self.leadDaysRange.contains(leadDays) {
            throw DecodingError.dataCorruptedError(forKey: .leadDays, in: c, debugDescription: "must be within 0...60")
        }
        names = try c.decode([String: String].self, forKey: .names)
        if names.isEmpty || names.values.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw DecodingError.dataCorruptedError(forKey: .names, in: c,
                debugDescription: "must hold at least one name, none of them empty")
        }
    }

    private static func decodeAnnualDate(from c: KeyedDecodingContainer<CodingKeys>) throws -> AnnualDate {
        let calendarName = try c.decode(String.self, forKey: .calendar)
        guard let calendar = CareCalendar(rawValue: calendarName) else {
            throw DecodingError.dataCorruptedError(forKey: .calendar, in: c,
                debugDescription: "must be \"solar\" or \"lunar\", not \"\(calendarName)\"")
        }
        let month = try c.decode(Int.self, forKey: .month)
        guard let maximumDay = AnnualDate.maximumDay(inMonth: month, calendar: calendar) else {
            throw DecodingError.dataCorruptedError(forKey: .month, in: c, debugDescription: "must be within 1...12")
        }
        let day = try c.decode(Int.self, forKey: .day)
        guard (1...maximumDay).contains(day) else {
            throw DecodingError.dataCorruptedError(forKey: .day, in: c,
                debugDescription: "must be within 1...\(maximumDay) for \(calendar.rawValue) month \(month)")
        }
        let leapMonth = try c.decodeIfPresent(Bool.self, forKey: .leapMonth) ?? false
        if leapMonth && calendar == .solar {
            throw DecodingError.dataCorruptedError(forKey: .leapMonth, in: c,
                debugDescription: "applies to lunar dates only")
        }
        return AnnualDate(calendar: calendar, month: month, day: day, leapMonth: leapMonth)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        switch date {
        case .annual(let annual):
            try c.encode(annual.calendar, forKey: .calendar)
            try c.encode(annual.month, forKey: .month)
            try c.encode(annual.day, forKey: .day)
            if annual.leapMonth { try c.encode(true, forKey: .leapMonth) }
        case .lunarNewYearsEve:
            try c.encode(Self.lunarNewYearsEveRule, forKey: .rule)
        }
        try c.encode(leadDays, forKey: .leadDays)
        try c.encode(names, forKey: .names)
    }
}
