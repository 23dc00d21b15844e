import Foundation
import RapportCore
import SQLKit

/// Custom field definitions (admin-edited).
extension CatalogSession {
    static func decodeField(_ row: any SQLRow) throws -> CustomFieldDefinition {
        CustomFieldDefinition(
            id: try row.id("id"), object: try row.enumValue("object"), key: try row.text("field_key"),
            labelZh: try row.text("label_zh"), labelEn: try row.text("label_en"), kind: try row.enumValue("kind"),
            options: try StoredJSON.decode([String].self, try row.text("options"), column: "options"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    public func insertField(_ f: CustomFieldDefinition) async throws {
        if try await db.raw("SELECT id FROM custom_fields WHERE object = \(bind: f.object.rawValue) AND field_key = \(bind: f.key)").first() != nil {
            throw StoreError.uniqueViolation(field: "key")
        }
        try await db.raw("""
            INSERT INTO custom_fields (id, object, field_key, label_zh, label_en, kind, options, created_at, updated_at,
            deleted_at, version) VALUES (
            \(bind: f.id.description), \(bind: f.object.rawValue), \(bind: f.key), \(bind: f.labelZh), \(bind: f.labelEn),
            \(bind: f.kind.rawValue), \(bind: try StoredJSON.encode(f.options)), \(bind: StoredTime.encode(f.createdAt)),
            \(bind: StoredTime.encode(f.updatedAt)), \(bind: StoredTime.encode(f.deletedAt)), \(bind: Int64(f.version)))
            """).run()
    }

    public func updateField(_ f: CustomFieldDefinition, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE custom_fields SET label_zh = \(bind: f.labelZh), label_en = \(bind: f.labelEn),
            options = \(bind: try StoredJSON.encode(f.options)), updated_at = \(bind: StoredTime.encode(f.updatedAt)),
            deleted_at = \(bind: StoredTime.encode(f.deletedAt)), version = \(bind: Int64(f.version))
            WHERE id = \(bind: f.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await raw.versionFailure(table: "custom_fields", id: f.id.description) }
    }

    public func field(_ id: CustomFieldID) async throws -> CustomFieldDefinition? {
        try await db.raw("SELECT * FROM custom_fields WHERE id = \(bind: id.description)").first().map(Self.decodeField)
    }

    /// Field definitions, optionally for one object, live ones unless `includeDeleted`.
    public func fields(object: CustomObject? = nil, includeDeleted: Bool = false) async throws -> [CustomFieldDefinition] {
        var sql: SQLQueryString = "SELECT * FROM custom_fields WHERE 1 = 1"
        if let object { sql += " AND object = \(bind: object.rawValue)" }
        if !includeDeleted { sql += " AND deleted_at IS NULL" }
        sql += " ORDER BY object, field_key"
        return try await db.raw(sql).all().map(Self.decodeField)
    }
}
