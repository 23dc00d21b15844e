/// Why a request could not even be read (400): the body is not JSON, a value has the wrong type,
/// a parameter is not an id… A stable key that the problem's `detail` translates
/// (`malformed.<case>` in both locale files; a test checks every case). Some texts take
/// arguments, such as the allowed range.
public enum MalformedReason: String, Sendable, CaseIterable {
    case notUTF8, notJSON, invalidBody
    case required, invalidValue, unknownValue
    case expectedText, expectedNumber, expectedWholeNumber, expectedBoolean, expectedList, expectedObject
    /// A whole number outside what the field can hold (beyond 64 bits), or a fraction where a whole number goes.
    case notAWholeNumber
    /// A date-time that does not exist (2026-02-30T10:00:00Z) or is not ISO 8601.
    case invalidDateTime
    case expectedDay
    case notAnID, tooLong, numberBetween, notACursor, meOrUserID, sortChoice
}

extension MalformedReason {
    /// The reason for a JSON value that could not be decoded as `type`.
    static func expected(_ type: Any.Type) -> MalformedReason {
        switch type {
        case is String.Type, is Substring.Type: .expectedText
        case is Bool.Type: .expectedBoolean
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type, is UInt64.Type: .expectedWholeNumber
        case is Double.Type, is Float.Type: .expectedNumber
        default:
            // Arrays and dictionaries arrive here by their generic names.
            String(describing: type).hasPrefix("Array") ? .expectedList
                : String(describing: type).hasPrefix("Dictionary") ? .expectedObject : .invalidValue
        }
    }
}
