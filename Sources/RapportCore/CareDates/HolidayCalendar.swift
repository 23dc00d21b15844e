import Foundation

/// The holidays the agenda knows, usually read from the holidays reference file:
/// `{"holidays": [ {HolidayDefinition}, ... ]}`.
public struct HolidayCalendar: Sendable, Hashable, Codable {
    public var holidays: [HolidayDefinition]

    public init(holidays: [HolidayDefinition]) {
        self.holidays = holidays
    }

    /// Reads a holidays file, checking every entry and that ids are unique. The error names the
    /// place in the file, e.g. `holidays[3].month: must be within 1...12`.
    public static func decode(_ data: Data) throws(HolidayFileError) -> HolidayCalendar {
        let calendar: HolidayCalendar
        do {
            calendar = try JSONDecoder().decode(HolidayCalendar.self, from: data)
        } catch let error as DecodingError {
            throw HolidayFileError(error)
        } catch {
            throw HolidayFileError(path: "", message: "cannot be read: \(error)")
        }
        var seen: Set<String> = []
        for (index, holiday) in calendar.holidays.enumerated() where !seen.insert(holiday.id).inserted {
            throw HolidayFileError(path: "holidays[\(index)].id", message: "\"\(holiday.id)\" is used twice")
        }
        return calendar
    }

    /// The holidays to show on `today`, sorted by date (then id).
    ///
    /// With `horizonDays` nil, each holiday shows from `leadDays` days before it until the day
    /// itself. With `horizonDays` given, every occurrence up to that many days ahead shows,
    /// whatever the holiday's lead time (a calendar view).
    public func upcoming(from today: CalendarDate, horizonDays: Int? = nil) -> [UpcomingHoliday] {
        var result: [UpcomingHoliday] = []
        for holiday in holidays {
            let window = horizonDays ?? holiday.leadDays
            var from = today
            while let date = holiday.date.nextOccurrence(onOrAfter: from) {
                let daysUntil = today.days(until: date)
                guard daysUntil <= window else { break }
                result.append(UpcomingHoliday(holiday: holiday, date: date, daysUntil: daysUntil))
                let next = date.adding(days: 1)
                guard next > date else { break }  // 9999-12-31: nothing after it
                from = next
            }
        }
        return result.sorted { ($0.date, $0.holiday.id) < ($1.date, $1.holiday.id) }
    }
}

/// A holiday occurrence inside its reminder window.
public struct UpcomingHoliday: Sendable, Hashable {
    public var holiday: HolidayDefinition
    public var date: CalendarDate
    /// 0 on the day itself.
    public var daysUntil: Int

    public init(holiday: HolidayDefinition, date: CalendarDate, daysUntil: Int) {
        self.holiday = holiday
        self.date = date
        self.daysUntil = daysUntil
    }
}

/// Why a holidays file could not be used: where (`holidays[2].day`, empty for the whole file)
/// and what is wrong, in words meant for whoever edits the file.
public struct HolidayFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: Self.path(context.codingPath + [key]), message: "is missing")
        case .typeMismatch(let type, let context):
            self.init(path: Self.path(context.codingPath), message: "should be \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(path: Self.path(context.codingPath), message: "is null; it should be \(Self.describe(type))")
        case .dataCorrupted(let context):
            let message = context.codingPath.isEmpty ? "is not valid JSON" : context.debugDescription
            self.init(path: Self.path(context.codingPath), message: message)
        @unknown default:
            self.init(path: "", message: "cannot be read: \(error)")
        }
    }

    /// `holidays[2].names`: keys joined with dots, array positions in brackets.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        if type == Int.self { return "a whole number" }
        if type == String.self { return "a text" }
        if type == Bool.self { return "true or false" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "a list" }
        if name.hasPrefix("Dictionary") || name.contains(":") { return "an object" }
        return name
    }
}
