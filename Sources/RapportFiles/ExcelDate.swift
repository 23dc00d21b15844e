import Foundation
import RapportCore

/// Converts Excel serial date numbers to ISO 8601-style text.
struct ExcelDate {
    /// How a number format shows a serial number.
    enum Kind: Equatable {
        /// A calendar date, possibly with a time of day.
        case date
        /// A time of day.
        case time
        /// An elapsed time such as `[h]:mm:ss`.
        case duration
    }

    /// The largest serial number Excel displays as a date (9999-12-31).
    private static let maxSerial = 2_958_465.0

    /// The kind of a number format, or `nil` if it does not show dates or times.
    ///
    /// Built-in IDs 14–22 and 45–47 are date/time formats, as are 27–36 and 50–58
    /// in East Asian locales; a custom code is a date if it has year or day
    /// tokens, a time if it has hour or second tokens (ignoring quoted text,
    /// escapes and bracketed sections other than elapsed time).
    static func kind(formatID: Int, code: String?) -> Kind? {
        if let code { return kind(code: code) }
        switch formatID {
        case 14...17, 22, 27...36, 50...58: return .date
        case 18...21, 45, 47: return .time
        case 46: return .duration
        default: return nil
        }
    }

    private static func kind(code: String) -> Kind? {
        var tokens = ""
        var isDuration = false
        var scalars = code.lowercased().unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\"":
                while let quoted = scalars.next(), quoted != "\"" {}
            case "\\", "_", "*":
                _ = scalars.next()
            case "[":
                var section = ""
                while let inner = scalars.next(), inner != "]" { section.unicodeScalars.append(inner) }
                if let first = section.unicodeScalars.first, "hms".unicodeScalars.contains(first),
                   section.unicodeScalars.allSatisfy({ $0 == first }) {
                    isDuration = true
                }
            default:
                tokens.unicodeScalars.append(scalar)
            }
        }
        if tokens.contains("y") || tokens.contains("d") { return .date }
        if isDuration { return .duration }
        if tokens.contains("h") || tokens.contains("s") { return .time }
        return nil
    }

    /// Formats `serial` as "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss" (date with a time of
    /// day), "HH:mm:ss" (time) or "H:mm:ss" with unbounded hours (duration).
    /// Returns `nil` for values Excel cannot show as a date.
    static func text(serial: Double, kind: Kind, uses1904Dates: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial <= maxSerial else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        let clock = (hours: seconds / 3600, minutes: seconds / 60 % 60, seconds: seconds % 60)
        switch kind {
        case .time:
            return twoDigits(clock.hours) + ":" + twoDigits(clock.minutes) + ":" + twoDigits(clock.seconds)
        case .duration:
            return String(days * 24 + clock.hours) + ":" + twoDigits(clock.minutes) + ":" + twoDigits(clock.seconds)
        case .date:
            guard let date = calendarDate(days: days, uses1904Dates: uses1904Dates) else { return nil }
            guard seconds != 0 else { return date }
            return date + " " + twoDigits(clock.hours) + ":" + twoDigits(clock.minutes) + ":" + twoDigits(clock.seconds)
        }
    }

    /// The date of a whole serial number, honouring Excel's fictitious 1900-02-29 (serial 60).
    private static func calendarDate(days: Int, uses1904Dates: Bool) -> String? {
        let unixDays: Int
        if uses1904Dates {
            unixDays = days - 24_107
        } else if days == 60 {
            return "1900-02-29"
        } else if days >= 1 {
            unixDays = days < 60 ? days - 25_568 : days - 25_569
        } else {
            return nil
        }
        return CalendarDate(dayNumber: unixDays)?.description
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
