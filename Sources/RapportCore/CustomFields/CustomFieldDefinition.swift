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
            guard let number = Double(trimmed), number.isFinite else { v.add(field, .invalid); return nil }
            return .number(number)
        case (.date, .text(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .null }
            guard CalendarDate(parsing: trimmed) != nil else { v.add(field, .invalid); return nil }
            return .text(trimmed)
        case (.singleChoice, .text(let text)):
            if text.isEmpty { return .null }
            guard options.contains(text) else { v.add(field, .notAnOption); return nil }
            return .text(text)
        case (.multiChoice, .list(let list)):
            guard list.allSatisfy(options.contains) else { v.add(field, .notAnOption); return nil }
            return .list(list)
        case (.multiChoice, .text(let text)):
            let list = text.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "," })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard list.allSatisfy(options.contains) else { v.add(field, .notAnOption); return nil }
            return .list(list)
        default:
            v.add(field, .wrongType)
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
                v.add("custom.\(key)", .unknown)
                continue
            }
            if let coerced = definition.coerce(value, field: "custom.\(key)", into: &v) { result[key] = coerced }
        }
        try v.check()
        return result
    }
}

extension CustomFieldDefinition: SoftDeletableRecord {
    public static let recordKind: RecordKind = .customField
    public var recordID: String { id.description }
}
