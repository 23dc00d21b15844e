import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// Writes many audit lines in multi-row statements (the recycle pass writes one per customer).
    public func appendAudits(_ entries: [AuditEntry]) async throws {
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(entries.count, start + 200)]
            start += 200
            var sql: SQLQueryString = "INSERT INTO audit_log (id, at, actor_id, entity, entity_id, action, before_json, after_json) VALUES "
            for (index, e) in chunk.enumerated() {
                if index > 0 { sql += ", " }
                sql += """
                    (\(bind: e.id.uuidString.lowercased()), \(bind: StoredTime.encode(e.at)), \(bind: e.actorID?.description),
                    \(bind: e.entity), \(bind: e.entityID), \(bind: e.action.rawValue), \(bind: e.before), \(bind: e.after))
                    """
            }
            try await db.raw(sql).run()
        }
    }

    /// Writes many notices in multi-row statements; a notice already given (same recipient,
    /// kind and subject) is skipped. Returns how many were new.
    public func insertNotices(_ notices: [Notice]) async throws -> Int {
        var written = 0
        var start = 0
        while start < notices.count {
            let chunk = notices[start..<min(notices.count, start + 200)]
            start += 200
            var sql: SQLQueryString = """
                INSERT INTO notifications (id, recipient_id, kind, subject_id, customer_id, payload, created_at, read_at) VALUES
                """
            for (index, n) in chunk.enumerated() {
                if index > 0 { sql += ", " }
                sql += """
                    (\(bind: n.id.description), \(bind: n.recipientID.description), \(bind: n.kind.rawValue), \(bind: n.subjectID),
                    \(bind: n.customerID?.description), \(bind: try StoredJSON.encode(n.payload)), \(bind: StoredTime.encode(n.createdAt)),
                    \(bind: StoredTime.encode(n.readAt)))
                    """
            }
            sql += " ON CONFLICT (recipient_id, kind, subject_id) DO NOTHING RETURNING id"
            written += try await db.raw(sql).all().count
        }
        return written
    }
}
