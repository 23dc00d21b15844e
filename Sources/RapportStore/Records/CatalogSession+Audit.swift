import Foundation
import RapportCore
import SQLKit

/// The audit log: one line per change, written in the change's transaction.
extension CatalogSession {
    public func appendAudit(_ entry: AuditEntry) async throws {
        try await db.raw("""
            INSERT INTO audit_log (id, at, actor_id, entity, entity_id, action, before_json, after_json) VALUES (
            \(bind: entry.id.uuidString.lowercased()), \(bind: StoredTime.encode(entry.at)), \(bind: entry.actorID?.description),
            \(bind: entry.entity), \(bind: entry.entityID), \(bind: entry.action.rawValue), \(bind: entry.before), \(bind: entry.after))
            """).run()
    }

    /// Many audit lines at once (imports), 500 to a statement.
    public func appendAudits(_ entries: [AuditEntry]) async throws {
        for chunk in entries.batches(of: 500) {
            var sql: SQLQueryString = "INSERT INTO audit_log (id, at, actor_id, entity, entity_id, action, before_json, after_json) VALUES "
            sql += chunk.map { entry -> SQLQueryString in
                """
                (\(bind: entry.id.uuidString.lowercased()), \(bind: StoredTime.encode(entry.at)), \(bind: entry.actorID?.description),
                \(bind: entry.entity), \(bind: entry.entityID), \(bind: entry.action.rawValue), \(bind: entry.before), \(bind: entry.after))
                """
            }.joined(separator: ", ")
            try await db.raw(sql).run()
        }
    }

    /// Audit lines for one record, newest first (callers check the viewer may see the record).
    func audit(entity: String, entityID: String, limit: Int = 200) async throws -> [AuditEntry] {
        try await db.raw("""
            SELECT * FROM audit_log WHERE entity = \(bind: entity) AND entity_id = \(bind: entityID)
            ORDER BY at DESC, id DESC LIMIT \(literal: limit)
            """).all().map { row in
            guard let id = UUID(uuidString: try row.text("id")) else { throw StoreError.corruptRow("audit id") }
            return AuditEntry(id: id, at: try row.date("at"), actorID: try row.optionalID("actor_id"),
                              entity: try row.text("entity"), entityID: try row.text("entity_id"),
                              action: try row.enumValue("action"), before: try row.optionalText("before_json"),
                              after: try row.optionalText("after_json"))
        }
    }
}

extension ScopedSession {
    /// The audit trail of a customer inside the scope (deleted ones too); `notFound` outside it.
    public func customerHistory(_ id: CustomerID) async throws -> [AuditEntry] {
        guard try await customer(id) != nil else { throw StoreError.notFound }
        return try await catalog.audit(entity: Customer.recordKind.rawValue, entityID: id.description)
    }
}
