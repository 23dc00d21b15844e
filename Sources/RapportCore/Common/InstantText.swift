import Foundation

/// Strict reading of an instant written as ISO 8601 (`2026-03-02T09:30:00Z`,
/// `2026-03-02T17:30:00.250+08:00`). Unlike a lenient parser, a calendar date that does not exist
/// (`2026-02-30`) or a time such as `24:10` is refused rather than rolled over into another day.
public enum InstantText {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        // yyyy-mm-ddThh:mm:ss = 19 bytes, then optional .fraction, then Z or ±hh:mm.
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == 46 {
            var scale = 0.1
            index += 1
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            if index == start { return nil }
        }
        guard index < bytes.count else { return nil }
        let offsetSeconds: Int
        if bytes[index] == 90 || bytes[index] == 122, index + 1 == bytes.count {
            offsetSeconds = 0
        } else if bytes[index] == 43 || bytes[index] == 45, index + 6 == bytes.count, bytes[index + 3] == 58,
                  let hours = number(bytes, index + 1, 2), let minutes = number(bytes, index + 4, 2), hours < 24, minutes < 60 {
            offsetSeconds = (bytes[index] == 45 ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard CalendarDate(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second < 60 else { return nil }
        var utc = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(secondsFromGMT: 0) else { return nil }
        utc.timeZone = zone
        guard let local = utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour,
                                                        minute: minute, second: second)) else { return nil }
        return local.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
