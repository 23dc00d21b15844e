import Foundation

/// Shows stored UTC times in the user's time zone and reads `datetime-local` form values,
/// which the user types in that zone.
struct UserClock: Sendable {
    let zone: TimeZone

    /// The zone of an IANA name; UTC when the name is unknown (user records are validated on save).
    init(identifier: String) {
        zone = TimeZone(identifier: identifier) ?? .gmt
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// `2024-05-01 14:30` in the user's zone.
    func display(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(Self.pad(c.year, 4))-\(Self.pad(c.month))-\(Self.pad(c.day)) \(Self.pad(c.hour)):\(Self.pad(c.minute))"
    }

    /// `2024-05-01T14:30`, the value a `datetime-local` input expects.
    func inputValue(_ date: Date) -> String {
        display(date).replacingOccurrences(of: " ", with: "T")
    }

    /// Parses `YYYY-MM-DDTHH:MM` (optionally `:SS`) typed in the user's zone; `nil` when malformed.
    func parseInput(_ text: String) -> Date? {
        let halves = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "T" || $0 == " " })
        guard halves.count == 2 else { return nil }
        let day = halves[0].split(separator: "-").compactMap { Int($0) }
        let time = halves[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, (2...3).contains(time.count), (1...9999).contains(day[0]), (1...12).contains(day[1]),
              (1...31).contains(day[2]), (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
        var components = DateComponents()
        components.year = day[0]; components.month = day[1]; components.day = day[2]
        components.hour = time[0]; components.minute = time[1]; components.second = time.count == 3 ? time[2] : 0
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day[2] else { return nil }
        return date
    }

    private static func pad(_ value: Int?, _ width: Int = 2) -> String {
        let text = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
