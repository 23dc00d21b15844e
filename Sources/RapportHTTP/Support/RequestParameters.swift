import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Typed access to path and query parameters; a bad value is a 400 naming the parameter.
struct RequestParameters {
    let request: Request
    let context: AuthenticatedContext

    func id<T>(_ name: String = "id", as _: Identifier<T>.Type = Identifier<T>.self) throws -> Identifier<T> {
        guard let raw = context.parameters.get(name), let id = Identifier<T>(raw) else {
            // An id that is not even a UUID cannot exist: answer as for an unknown record.
            throw APIError.malformed(field: name, reason: .notAnID)
        }
        return id
    }

    /// Free text: an empty value is the same as none (`?q=` searches for everything).
    func string(_ name: String, max: Int = 500) throws -> String? {
        guard let value = request.uri.queryParameters[name[...]] else { return nil }
        let text = String(value)
        if text.count > max { throw APIError.malformed(field: name, reason: .tooLong, arguments: [String(max)]) }
        return text.isEmpty ? nil : text
    }

    /// A typed value: absent is nil, but present-and-empty (`?teamID=`) is malformed, as the
    /// OpenAPI document says (the pages' filter forms have their own parsing).
    private func typed(_ name: String, max: Int = 500, reason: MalformedReason, arguments: [String] = []) throws -> String? {
        guard let value = request.uri.queryParameters[name[...]] else { return nil }
        if value.isEmpty { throw APIError.malformed(field: name, reason: reason, arguments: arguments) }
        return try string(name, max: max)
    }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        let arguments = [String(range.lowerBound), String(range.upperBound)]
        guard let text = try typed(name, reason: .numberBetween, arguments: arguments) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.malformed(field: name, reason: .numberBetween, arguments: arguments)
        }
        return number
    }

    func bool(_ name: String) throws -> Bool {
        guard let text = try typed(name, reason: .expectedBoolean) else { return false }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.malformed(field: name, reason: .expectedBoolean)
        }
    }

    func enumValue<E: RawRepresentable>(_ name: String, as _: E.Type = E.self) throws -> E? where E.RawValue == String {
        guard let text = try typed(name, reason: .unknownValue) else { return nil }
        guard let value = E(rawValue: text) else { throw APIError.malformed(field: name, reason: .unknownValue) }
        return value
    }

    /// `me` or a user's id (`?owner=me`, `?rep=<uuid>`); nil when absent.
    func meOrUser(_ name: String, _ acting: Acting) throws -> UserID? {
        guard let text = try typed(name, reason: .meOrUserID) else { return nil }
        guard let id = text == "me" ? acting.id : UserID(text) else { throw APIError.malformed(field: name, reason: .meOrUserID) }
        return id
    }

    func queryID<T>(_ name: String, as _: Identifier<T>.Type = Identifier<T>.self) throws -> Identifier<T>? {
        guard let text = try typed(name, reason: .notAnID) else { return nil }
        guard let id = Identifier<T>(text) else { throw APIError.malformed(field: name, reason: .notAnID) }
        return id
    }

    func date(_ name: String) throws -> CalendarDate? {
        guard let text = try typed(name, reason: .expectedDay) else { return nil }
        guard let date = CalendarDate(parsing: text) else { throw APIError.malformed(field: name, reason: .expectedDay) }
        return date
    }

    func cursor() throws -> PageCursor? {
        guard let text = try typed("cursor", max: 1000, reason: .notACursor) else { return nil }
        guard let cursor = PageCursor(token: text) else { throw APIError.malformed(field: "cursor", reason: .notACursor) }
        return cursor
    }

    /// The version the client read: `If-Match: "3"` or the body's `version`.
    func ifMatch() -> Int? {
        guard let header = request.headers[.ifMatch] else { return nil }
        return Int(header.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/")))
    }
}
