import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// A customer's stored qualification (without the automatic warnings); nil when never saved.
    func qualification(of customer: CustomerID) async throws -> Qualification? {
        guard let row = try await db.raw("""
            SELECT customer_id, ability_to_pay, ability_evidence, authority, authority_evidence, need, need_evidence,
            warnings, updated_by, updated_at, version FROM qualifications WHERE customer_id = \(bind: customer.description)
            """).first() else { return nil }
        let warnings = try row.text("warnings").split(separator: ",").compactMap { QualificationWarning(rawValue: String($0)) }
        return Qualification(
            customerID: try row.id("customer_id"), abilityToPay: try row.enumValue("ability_to_pay"),
            abilityEvidence: try row.text("ability_evidence"), authority: try row.enumValue("authority"),
            authorityEvidence: try row.text("authority_evidence"), need: try row.enumValue("need"),
            needEvidence: try row.text("need_evidence"), warnings: warnings, updatedBy: try row.optionalID("updated_by"),
            updatedAt: try row.date("updated_at"), version: try row.int("version"))
    }

    /// Saves a qualification if the stored version is still `expectedVersion` (0 = not saved yet).
    func saveQualification(_ q: Qualification, expectedVersion: Int) async throws {
        let warnings = q.warnings.map(\.rawValue).joined(separator: ",")
        let at = StoredTime.encode(q.updatedAt ?? Date(timeIntervalSince1970: 0))
        if expectedVersion == 0 {
            let rows = try await db.raw("""
                INSERT INTO qualifications (customer_id, ability_to_pay, ability_evidence, authority, authority_evidence,
                need, need_evidence, warnings, updated_by, updated_at, version) VALUES (\(bind: q.customerID.description),
                \(bind: q.abilityToPay.rawValue), \(bind: q.abilityEvidence), \(bind: q.authority.rawValue),
                \(bind: q.authorityEvidence), \(bind: q.need.rawValue), \(bind: q.needEvidence), \(bind: warnings),
                \(bind: q.updatedBy?.description), \(bind: at), \(bind: Int64(q.version)))
                ON CONFLICT (customer_id) DO NOTHING RETURNING customer_id
                """).all()
            if rows.isEmpty { try await qualificationConflict(q.customerID) }
            return
        }
        let rows = try await db.raw("""
            UPDATE qualifications SET ability_to_pay = \(bind: q.abilityToPay.rawValue), ability_evidence = \(bind: q.abilityEvidence),
            authority = \(bind: q.authority.rawValue), authority_evidence = \(bind: q.authorityEvidence),
            need = \(bind: q.need.rawValue), need_evidence = \(bind: q.needEvidence), warnings = \(bind: warnings),
            updated_by = \(bind: q.updatedBy?.description), updated_at = \(bind: at), version = \(bind: Int64(q.version))
            WHERE customer_id = \(bind: q.customerID.description) AND version = \(bind: Int64(expectedVersion)) RETURNING customer_id
            """).all()
        if rows.isEmpty { try await qualificationConflict(q.customerID) }
    }

    /// Whether the customer has any order that was not cancelled (the "old customer" warning).
    func hasPastOrders(_ customer: CustomerID) async throws -> Bool {
        try await !db.raw("""
            SELECT 1 AS one FROM orders WHERE customer_id = \(bind: customer.description) AND status <> 'cancelled'
            AND deleted_at IS NULL LIMIT 1
            """).all().isEmpty
    }

    private func qualificationConflict(_ customer: CustomerID) async throws -> Never {
        let row = try await db.raw("""
            SELECT version FROM qualifications WHERE customer_id = \(bind: customer.description)
            """).first()
        throw StoreError.versionConflict(current: try row?.int("version") ?? 0)
    }
}
