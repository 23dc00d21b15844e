import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// Writes many notices in multi-row statements; a notice already given (same recipient,
    /// kind and subject) is skipped. Returns how many were new.
    func insertNotices(_ notices: [Notice]) async throws -> Int {
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
