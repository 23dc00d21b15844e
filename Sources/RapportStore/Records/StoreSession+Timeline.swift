import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeActivity(_ row: any SQLRow) throws -> Activity {
        Activity(
            id: try row.id("id"), customerID: try row.id("customer_id"), contactID: try row.optionalID("contact_id"),
            userID: try row.id("user_id"), channel: try row.enumValue("channel"), purpose: try row.text("purpose"),
            outcome: try row.text("outcome"), occurredAt: try row.date("occurred_at"),
            custom: try StoredJSON.decode([String: CustomValue].self, try row.text("custom"), column: "custom"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    public func insertActivity(_ a: Activity) async throws {
        try await db.raw("""
            INSERT INTO activities (id, customer_id, contact_id, user_id, channel, purpose, outcome, occurred_at, custom,
            created_at, updated_at, deleted_at, version) VALUES (
            \(bind: a.id.description), \(bind: a.customerID.description), \(bind: a.contactID?.description),
            \(bind: a.userID.description), \(bind: a.channel.rawValue), \(bind: a.purpose), \(bind: a.outcome),
            \(bind: StoredTime.encode(a.occurredAt)), \(bind: try StoredJSON.encode(a.custom)),
            \(bind: StoredTime.encode(a.createdAt)), \(bind: StoredTime.encode(a.updatedAt)),
            \(bind: StoredTime.encode(a.deletedAt)), \(bind: Int64(a.version)))
            """).run()
    }

    public func updateActivity(_ a: Activity, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE activities SET contact_id = \(bind: a.contactID?.description), channel = \(bind: a.channel.rawValue),
            purpose = \(bind: a.purpose), outcome = \(bind: a.outcome), occurred_at = \(bind: StoredTime.encode(a.occurredAt)),
            custom = \(bind: try StoredJSON.encode(a.custom)), updated_at = \(bind: StoredTime.encode(a.updatedAt)),
            deleted_at = \(bind: StoredTime.encode(a.deletedAt)), version = \(bind: Int64(a.version))
            WHERE id = \(bind: a.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "activities", id: a.id.description) }
    }

    public func activity(_ id: ActivityID, scope: AccessScope) async throws -> Activity? {
        try await db.raw("""
            SELECT a.* FROM activities a JOIN customers c ON c.id = a.customer_id
            WHERE a.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).first().map(Self.decodeActivity)
    }

    /// A customer's timeline, newest first, keyset-paginated on (occurred_at, id).
    public func activities(of customer: CustomerID, limit: Int, cursor: PageCursor?, deleted: DeletedFilter = .exclude) async throws -> Page<Activity> {
        var sql: SQLQueryString = "SELECT a.* FROM activities a WHERE a.customer_id = \(bind: customer.description)"
        switch deleted {
        case .exclude: sql += " AND a.deleted_at IS NULL"
        case .only: sql += " AND a.deleted_at IS NOT NULL"
        case .include: break
        }
        if let cursor {
            guard let millis = Int64(cursor.value) else { throw StoreError.notFound }
            sql += " AND (a.occurred_at < \(bind: millis) OR (a.occurred_at = \(bind: millis) AND a.id < \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY a.occurred_at DESC, a.id DESC LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map(Self.decodeActivity)
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last {
                next = PageCursor(value: String(StoredTime.encode(last.occurredAt)), id: last.id.description).token
            }
        }
        return Page(items: items, nextCursor: next)
    }

    // MARK: Notes

    static func decodeNote(_ row: any SQLRow) throws -> Note {
        Note(id: try row.id("id"), customerID: try row.id("customer_id"), authorID: try row.id("author_id"),
             body: try row.text("body"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
             deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    public func insertNote(_ n: Note) async throws {
        try await db.raw("""
            INSERT INTO notes (id, customer_id, author_id, body, created_at, updated_at, deleted_at, version) VALUES (
            \(bind: n.id.description), \(bind: n.customerID.description), \(bind: n.authorID.description), \(bind: n.body),
            \(bind: StoredTime.encode(n.createdAt)), \(bind: StoredTime.encode(n.updatedAt)),
            \(bind: StoredTime.encode(n.deletedAt)), \(bind: Int64(n.version)))
            """).run()
    }

    public func updateNote(_ n: Note, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE notes SET body = \(bind: n.body), updated_at = \(bind: StoredTime.encode(n.updatedAt)),
            deleted_at = \(bind: StoredTime.encode(n.deletedAt)), version = \(bind: Int64(n.version))
            WHERE id = \(bind: n.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "notes", id: n.id.description) }
    }

    public func note(_ id: NoteID, scope: AccessScope) async throws -> Note? {
        try await db.raw("""
            SELECT n.* FROM notes n JOIN customers c ON c.id = n.customer_id
            WHERE n.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).first().map(Self.decodeNote)
    }

    /// A customer's notes, newest first (at most 500).
    public func notes(of customer: CustomerID, deleted: DeletedFilter = .exclude) async throws -> [Note] {
        var sql: SQLQueryString = "SELECT n.* FROM notes n WHERE n.customer_id = \(bind: customer.description)"
        switch deleted {
        case .exclude: sql += " AND n.deleted_at IS NULL"
        case .only: sql += " AND n.deleted_at IS NOT NULL"
        case .include: break
        }
        sql += " ORDER BY n.created_at DESC, n.id DESC LIMIT 500"
        return try await db.raw(sql).all().map(Self.decodeNote)
    }

    // MARK: Custom fields

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
        if rows.isEmpty { try await versionFailure(table: "custom_fields", id: f.id.description) }
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
