import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeReferral(_ row: any SQLRow) throws -> Referral {
        let raw = try row.text("subject_id")
        guard let subject = UUID(uuidString: raw) else { throw StoreError.corruptRow("subject_id: \(raw)") }
        return Referral(id: try row.id("id"), subjectKind: try row.enumValue("subject_kind"), subjectID: subject,
                        referrerCustomerID: try row.id("referrer_customer_id"),
                        referrerContactID: try row.optionalID("referrer_contact_id"), note: try row.text("note"),
                        recordedBy: try row.optionalID("recorded_by"), recordedAt: try row.date("recorded_at"))
    }

    /// Who referred a customer or a contact; nil when nobody is recorded.
    public func referral(_ kind: ReferralSubject, _ subject: UUID) async throws -> Referral? {
        try await db.raw("""
            SELECT id, subject_kind, subject_id, referrer_customer_id, referrer_contact_id, note, recorded_by, recorded_at
            FROM referrals WHERE subject_kind = \(bind: kind.rawValue) AND subject_id = \(bind: subject.uuidString.lowercased())
            """).first().map(Self.decodeReferral)
    }

    /// Sets "referred by" for a subject, replacing an earlier one.
    public func saveReferral(_ r: Referral) async throws {
        try await deleteReferral(r.subjectKind, r.subjectID)
        try await db.raw("""
            INSERT INTO referrals (id, subject_kind, subject_id, referrer_customer_id, referrer_contact_id, note,
            recorded_by, recorded_at) VALUES (\(bind: r.id.description), \(bind: r.subjectKind.rawValue),
            \(bind: r.subjectID.uuidString.lowercased()), \(bind: r.referrerCustomerID.description),
            \(bind: r.referrerContactID?.description), \(bind: r.note), \(bind: r.recordedBy?.description),
            \(bind: StoredTime.encode(r.recordedAt)))
            """).run()
    }

    public func deleteReferral(_ kind: ReferralSubject, _ subject: UUID) async throws {
        try await db.raw("""
            DELETE FROM referrals WHERE subject_kind = \(bind: kind.rawValue) AND subject_id = \(bind: subject.uuidString.lowercased())
            """).run()
    }

    /// The referrers of a customer, from its own referrer up to the root (stops at a repeat or after `limit`).
    public func referrerChain(of customer: CustomerID, limit: Int = 100) async throws -> [CustomerID] {
        var chain: [CustomerID] = []
        var current = customer
        var seen: Set<CustomerID> = [customer]
        while chain.count < limit, let next = try await referral(.customer, current.uuid)?.referrerCustomerID,
              !seen.contains(next) {
            chain.append(next)
            seen.insert(next)
            current = next
        }
        return chain
    }

    /// The customers referred by each of the given customers (subject → referrer pairs).
    public func referredCustomers(by referrers: [CustomerID]) async throws -> [(subject: CustomerID, referrer: CustomerID)] {
        var pairs: [(CustomerID, CustomerID)] = []
        var start = 0
        while start < referrers.count {
            let chunk = referrers[start..<min(referrers.count, start + 500)].map(\.description)
            start += 500
            let rows = try await db.raw("""
                SELECT subject_id, referrer_customer_id FROM referrals WHERE subject_kind = 'customer'
                AND referrer_customer_id IN (\(binds: chunk)) ORDER BY recorded_at, id
                """).all()
            for row in rows { pairs.append((try row.id("subject_id"), try row.id("referrer_customer_id"))) }
        }
        return pairs
    }

    /// Names and stages of customers, whatever the scope (the caller hides what the reader may not see).
    public func referralNodeInfo(_ ids: [CustomerID]) async throws -> [CustomerID: (name: String, stage: LifecycleStage, ownerID: UserID?, teamID: TeamID?)] {
        var info: [CustomerID: (String, LifecycleStage, UserID?, TeamID?)] = [:]
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(ids.count, start + 500)].map(\.description)
            start += 500
            let rows = try await db.raw("""
                SELECT c.id, c.name, c.owner_id, c.team_id, COALESCE(cl.stage, 'suspect') AS stage FROM customers c
                LEFT JOIN customer_lifecycle cl ON cl.customer_id = c.id WHERE c.id IN (\(binds: chunk))
                """).all()
            for row in rows {
                info[try row.id("id")] = (try row.text("name"), try row.enumValue("stage"), try row.optionalID("owner_id"),
                                         try row.optionalID("team_id"))
            }
        }
        return info
    }
}
