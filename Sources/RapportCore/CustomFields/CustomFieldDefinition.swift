import Foundation

/// The record type a custom field belongs to.
public enum CustomObject: String, Sendable, Codable, CaseIterable {
    case customer, contact, activity
}

/// The kind of value a custom field holds.
public enum CustomFieldKind: String, Sendable, Codable, CaseIterable {
    case text, number, date, singleChoice, multiChoice
}

/// An admin-defined extra field on customers, contacts or activities.
public struct CustomFieldDefinition: Sendable, Codable, Equatable, Identifiable {
    public var id: CustomFieldID
    public var object: CustomObject
    /// The key used in JSON and in import headers: lowercase letters, digits and `_`.
    public var key: String
    public var labelZh: String
    public var labelEn: String
    public var kind: CustomFieldKind
    public var options: [String]
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: CustomFieldID, object: CustomObject, key: String, labelZh: String, labelEn: String,
                kind: CustomFieldKind, options: [String], createdAt: Date, updatedAt: Date,
                deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.object = object; self.key = key; self.labelZh = labelZh; self.labelEn = labelEn
        self.kind = kind; self.options = options; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.deletedAt = deletedAt; self.version = version
    }

    /// Validates a value for this field; returns the normalised value.
    /// Text for numbers and dates (as typed in a form or a CSV cell) is parsed here.
    public func coerce(_ value: CustomValue, field: String, into v: inout Validator) -> CustomValue? {
        switch (kind, value) {
        case (_, .null): return .null
        case (.text, .text(let text)):
            v.length(field, text, max: 2000)
            return .text(text)
        case (.number, .number): return value
        case (.number, .text(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .null }
            guard let number = Double(trimmed), number.isFinite else { v.add(field, "invalid"); return nil }
            return .number(number)
        case (.date, .text(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .null }
            guard CalendarDate(parsing: trimmed) != nil else { v.add(field, "invalid"); return nil }
            return .text(trimmed)
        case (.singleChoice, .text(let text)):
            if text.isEmpty { return .null }
            guard options.contains(text) else { v.add(field, "notAnOption"); return nil }
            return .text(text)
        case (.multiChoice, .list(let list)):
            guard list.allSatisfy(options.contains) else { v.add(field, "notAnOption"); return nil }
            return .list(list)
        case (.multiChoice, .text(let text)):
            let list = text.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "," })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard list.allSatisfy(options.contains) else { v.add(field, "notAnOption"); return nil }
            return .list(list)
        default:
            v.add(field, "wrongType")
            return nil
        }
    }

    /// Checks every given value against the definitions for one object; unknown keys are errors.
    public static func validate(_ values: [String: CustomValue], definitions: [CustomFieldDefinition])
        throws(ValidationFailed) -> [String: CustomValue] {
        var v = Validator()
        var result: [String: CustomValue] = [:]
        for (key, value) in values {
            guard let definition = definitions.first(where: { $0.key == key }) else {
                v.add("custom.\(key)", "unknown")
                continue
            }
            if let coerced = definition.coerce(value, field: "custom.\(key)", into: &v) { result[key] = coerced }
        }
        try v.check()
        return result
    }
}

/// A date without a time, `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`).
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
