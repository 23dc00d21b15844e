import Foundation
import RapportCore
import SQLKit

/// Time as stored: epoch milliseconds, UTC.
enum StoredTime {
    static func encode(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func encode(_ date: Date?) -> Int64? { date.map(encode) }
    static func decode(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}

/// JSON columns (profile, custom values, option lists) as text.
enum StoredJSON {
    /// A flat object of strings, written without the Codable machinery (imports write millions).
    static func encode(strings: [(String, String)]) -> String {
        var out = "{"
        for (index, (key, value)) in strings.enumerated() {
            if index > 0 { out += "," }
            out += quoted(key) + ":" + quoted(value)
        }
        return out + "}"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func encode(_ profile: CustomerProfile) -> String {
        encode(strings: CustomerProfile.sectionKeys.sorted().map { ($0, profile[section: $0]) })
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow("\(column): \(error)")
        }
    }
}

extension SQLRow {
    func text(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalText(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { Int(try decode(column: column, as: Int64.self)) }
    func optionalInt(_ column: String) throws -> Int? { try decode(column: column, as: Int64?.self).map { Int($0) } }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Int64.self) != 0 }
    func date(_ column: String) throws -> Date { StoredTime.decode(try decode(column: column, as: Int64.self)) }
    func optionalDate(_ column: String) throws -> Date? {
        try decode(column: column, as: Int64?.self).map(StoredTime.decode)
    }

    func id<T>(_ column: String, as _: Identifier<T>.Type = Identifier<T>.self) throws -> Identifier<T> {
        let raw = try text(column)
        guard let id = Identifier<T>(raw) else { throw StoreError.corruptRow("\(column): \(raw)") }
        return id
    }

    func optionalID<T>(_ column: String, as _: Identifier<T>.Type = Identifier<T>.self) throws -> Identifier<T>? {
        guard let raw = try optionalText(column) else { return nil }
        guard let id = Identifier<T>(raw) else { throw StoreError.corruptRow("\(column): \(raw)") }
        return id
    }

    func enumValue<E: RawRepresentable>(_ column: String, as _: E.Type = E.self) throws -> E where E.RawValue == String {
        let raw = try text(column)
        guard let value = E(rawValue: raw) else { throw StoreError.corruptRow("\(column): \(raw)") }
        return value
    }

    func optionalEnum<E: RawRepresentable>(_ column: String, as _: E.Type = E.self) throws -> E? where E.RawValue == String {
        guard let raw = try optionalText(column) else { return nil }
        guard let value = E(rawValue: raw) else { throw StoreError.corruptRow("\(column): \(raw)") }
        return value
    }
}


extension SQLRow {
    func calendarDate(_ column: String) throws -> CalendarDate {
        let raw = try text(column)
        guard let date = CalendarDate(parsing: raw) else { throw StoreError.corruptRow("\(column): \(raw)") }
        return date
    }

    func optionalCalendarDate(_ column: String) throws -> CalendarDate? {
        guard let raw = try optionalText(column) else { return nil }
        guard let date = CalendarDate(parsing: raw) else { throw StoreError.corruptRow("\(column): \(raw)") }
        return date
    }
}
