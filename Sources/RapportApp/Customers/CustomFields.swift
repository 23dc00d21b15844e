import Foundation
import RapportCore
import RapportStore

/// An admin's definition of a new custom field.
public struct NewCustomField: Sendable, Codable {
    public var object: CustomObject
    public var key: String
    public var labelZh: String
    public var labelEn: String
    public var kind: CustomFieldKind
    public var options: [String]?

    public init(object: CustomObject, key: String, labelZh: String, labelEn: String, kind: CustomFieldKind, options: [String]? = nil) {
        self.object = object; self.key = key; self.labelZh = labelZh; self.labelEn = labelEn; self.kind = kind
        self.options = options
    }
}

/// The admin's custom fields on customers, key persons and activities.
public struct CustomFields: Sendable {
    let deps: Dependencies

    /// Trimmed, non-empty, distinct options: required for choice fields, at most 100 of at most 100 characters.
    static func checkOptions(_ raw: [String]?, kind: CustomFieldKind, into v: inout Validator) -> [String] {
        var seen = Set<String>()
        let options = (raw ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        if [.singleChoice, .multiChoice].contains(kind) && options.isEmpty { v.add("options", .required) }
        if options.count > 100 { v.add("options", .tooMany, detail: "100") }
        for option in options { v.length("options", option, max: 100) }
        return options
    }

    /// Field definitions; everyone signed in may read them (forms need them).
    /// Admins may include deleted definitions (to restore them).
    public func list(_ acting: Acting, object: CustomObject? = nil, includeDeleted: Bool = false) async throws -> [CustomFieldDefinition] {
        let withDeleted = includeDeleted && acting.isAdmin
        return try await deps.read(acting) { try await $0.catalog.fields(object: object, includeDeleted: withDeleted) }
    }

    public func create(_ acting: Acting, _ input: NewCustomField) async throws -> CustomFieldDefinition {
        try acting.requireAdmin()
        var v = Validator()
        let options = Self.checkOptions(input.options, kind: input.kind, into: &v)
        v.required("key", input.key, max: 40)
        if !input.key.isEmpty, input.key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) == nil {
            v.add("key", .invalid)
        }
        v.required("labelZh", input.labelZh, max: 100)
        v.required("labelEn", input.labelEn, max: 100)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        let now = deps.env.now()
        let field = CustomFieldDefinition(id: deps.env.newID(), object: input.object, key: input.key, labelZh: input.labelZh,
                                          labelEn: input.labelEn, kind: input.kind, options: options,
                                          createdAt: now, updatedAt: now)
        let entry = try deps.audit(acting.id, .customField, field.id.description, .create, before: nil as CustomFieldDefinition?, after: field)
        try await deps.write(acting, entity: .customField) { session in
            try await session.catalog.insertField(field)
            try await session.catalog.appendAudit(entry)
        }
        return field
    }

    /// Relabels a field, changes its options, deletes or restores it (admins only). Its key and kind are fixed.
    public func update(_ acting: Acting, _ id: CustomFieldID, labelZh: String?, labelEn: String?,
                                  options: [String]?, deleted: Bool?, version: Int) async throws -> CustomFieldDefinition {
        try acting.requireAdmin()
        guard let before = try await deps.read(acting, { try await $0.catalog.field(id) }) else {
            throw AppError.notFound(entity: .customField)
        }
        var v = Validator()
        if let labelZh { v.required("labelZh", labelZh, max: 100) }
        if let labelEn { v.required("labelEn", labelEn, max: 100) }
        let checkedOptions = options.map { Self.checkOptions($0, kind: before.kind, into: &v) }
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        var after = before
        if let labelZh { after.labelZh = labelZh }
        if let labelEn { after.labelEn = labelEn }
        if let checkedOptions { after.options = checkedOptions }
        if let deleted { after.deletedAt = deleted ? deps.env.now() : nil }
        after.updatedAt = deps.env.now()
        after.version += 1
        let entry = try deps.audit(acting.id, .customField, id.description, deleted == true ? .delete : .update, before: before, after: after)
        let saved = after
        try await deps.write(acting, entity: .customField) { session in
            try await session.catalog.updateField(saved, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
        }
        return after
    }
}
