import Foundation

/// A custom field's value as JSON carries it. `null` in an update clears the field.
public enum CustomValue: Sendable, Equatable, Codable {
    case text(String)
    case number(Double)
    case list([String])
    case null

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let number = try? c.decode(Double.self) { self = .number(number); return }
        if let text = try? c.decode(String.self) { self = .text(text); return }
        if let list = try? c.decode([String].self) { self = .list(list); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a string, a number or a list of strings")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let text): try c.encode(text)
        case .number(let number): try c.encode(number)
        case .list(let list): try c.encode(list)
        case .null: try c.encodeNil()
        }
    }

    /// A plain text form for lists, exports and search.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .list(let list): return list.joined(separator: "; ")
        case .null: return ""
        }
    }
}
