import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static let lifecycleFactColumns = "id, customer_id, kind, evidence, recorded_by, recorded_at, revoked_at, revoked_by"

    static func decodeLifecycleFact(_ row: any SQLRow) throws -> LifecycleFact {
        LifecycleFact(id: try row.id("id"), customerID: try row.id("customer_id"), kind: try row.enumValue("kind"),
                      evidence: try row.text("evidence"), recordedBy: try row.optionalID("recorded_by"),
                      recordedAt: try row.date("recorded_at"), revokedAt: try row.optionalDate("revoked_at"),
                      revokedBy: try row.optionalID("revoked_by"))
    }

    func insertLifecycleFact(_ f: LifecycleFact) async throws {
        try await db.raw("""
            INSERT INTO lifecycle_facts (id, customer_id, kind, evidence, recorded_by, recorded_at, revoked_at, revoked_by)
            VALUES (\(bind: f.id.description), \(bind: f.customerID.description), \(bind: f.kind.rawValue),
            \(bind: f.evidence), \(bind: f.recordedBy?.description), \(bind: StoredTime.encode(f.recordedAt)), NULL, NULL)
            """).run()
    }

    func lifecycleFact(_ id: LifecycleFactID) async throws -> LifecycleFact? {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.lifecycleFactColumns) FROM lifecycle_facts WHERE id = \(bind: id.description)
            """).first().map(Self.decodeLifecycleFact)
    }

    /// A customer's recorded facts, live ones first, newest first.
    func lifecycleFacts(of customer: CustomerID) async throws -> [LifecycleFact] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.lifecycleFactColumns) FROM lifecycle_facts WHERE customer_id = \(bind: customer.description)
            ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, recorded_at DESC, id LIMIT 200
            """).all().map(Self.decodeLifecycleFact)
    }

    /// Marks a live fact revoked; `true` when this call revoked it.
    func revokeLifecycleFact(_ id: LifecycleFactID, by user: UserID, at: Date) async throws -> Bool {
        try await !db.raw("""
            UPDATE lifecycle_facts SET revoked_at = \(bind: StoredTime.encode(at)), revoked_by = \(bind: user.description)
            WHERE id = \(bind: id.description) AND revoked_at IS NULL RETURNING id
            """).all().isEmpty
    }
}
