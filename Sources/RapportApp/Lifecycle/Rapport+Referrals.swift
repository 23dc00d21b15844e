import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// Who referred a customer (nil when nobody is recorded).
    public func referral(_ acting: Acting, ofCustomer customerID: CustomerID) async throws -> Referral? {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.referral(.customer, customerID.uuid) }
    }

    /// Who referred a key person (nil when nobody is recorded).
    public func referral(_ acting: Acting, ofContact contactID: ContactID) async throws -> Referral? {
        _ = try await contact(acting, contactID)
        return try await store.read { try await $0.referral(.contact, contactID.uuid) }
    }

    /// Sets "referred by" on a customer. The referrer must be a customer the user may see, not the
    /// customer itself nor one it brought (directly or further down): no cycles.
    public func setCustomerReferral(_ acting: Acting, _ customerID: CustomerID, _ draft: ReferralDraft) async throws -> Referral {
        let subject = try await customer(acting, customerID)
        if subject.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let referrer = try await checkReferrer(acting, draft)
        if referrer == customerID { throw AppError.invalid([FieldError("referrerCustomerID", "cycle")]) }
        let chain = try await store.read { try await $0.referrerChain(of: referrer) }
        if chain.contains(customerID) { throw AppError.invalid([FieldError("referrerCustomerID", "cycle")]) }
        return try await saveReferral(acting, .customer, customerID.uuid, owner: customerID, referrer: referrer, draft)
    }

    /// Sets "referred by" on a key person; the referrer must not be the person's own customer.
    public func setContactReferral(_ acting: Acting, _ contactID: ContactID, _ draft: ReferralDraft) async throws -> Referral {
        let person = try await contact(acting, contactID)
        let referrer = try await checkReferrer(acting, draft)
        if referrer == person.customerID { throw AppError.invalid([FieldError("referrerCustomerID", "cycle")]) }
        return try await saveReferral(acting, .contact, contactID.uuid, owner: person.customerID, referrer: referrer, draft)
    }

    /// Clears "referred by" on a customer.
    public func clearCustomerReferral(_ acting: Acting, _ customerID: CustomerID) async throws {
        _ = try await customer(acting, customerID)
        try await clearReferral(acting, .customer, customerID.uuid)
    }

    /// Clears "referred by" on a key person.
    public func clearContactReferral(_ acting: Acting, _ contactID: ContactID) async throws {
        _ = try await contact(acting, contactID)
        try await clearReferral(acting, .contact, contactID.uuid)
    }

    private func checkReferrer(_ acting: Acting, _ draft: ReferralDraft) async throws -> CustomerID {
        do { try draft.validate() } catch { throw AppError.invalid(error.errors) }
        guard let referrerID = draft.referrerCustomerID,
              let referrer = try await store.read({ try await $0.customer(referrerID, scope: acting.scope) }),
              referrer.deletedAt == nil else {
            throw AppError.invalid([FieldError("referrerCustomerID", "unknown")])
        }
        if let contactID = draft.referrerContactID {
            let people = try await store.read { try await $0.contacts(of: referrerID) }
            guard people.contains(where: { $0.id == contactID }) else {
                throw AppError.invalid([FieldError("referrerContactID", "unknown")])
            }
        }
        return referrerID
    }

    private func saveReferral(_ acting: Acting, _ kind: ReferralSubject, _ subject: UUID, owner: CustomerID,
                              referrer: CustomerID, _ draft: ReferralDraft) async throws -> Referral {
        let referral = Referral(id: env.newID(), subjectKind: kind, subjectID: subject, referrerCustomerID: referrer,
                                referrerContactID: draft.referrerContactID,
                                note: (draft.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                recordedBy: acting.id, recordedAt: env.now())
        let before = try await store.read { try await $0.referral(kind, subject) }
        let entry = try audit(acting.id, "referral", subject.uuidString.lowercased(), before == nil ? .create : .update,
                              before: before, after: referral)
        try await store.write { session in
            try await session.saveReferral(referral)
            try await session.appendAudit(entry)
            for affected in Set([before?.referrerCustomerID, referrer].compactMap { $0 }) {
                _ = try await self.refreshLifecycle(affected, in: session)
            }
        }
        return referral
    }

    private func clearReferral(_ acting: Acting, _ kind: ReferralSubject, _ subject: UUID) async throws {
        guard let before = try await store.read({ try await $0.referral(kind, subject) }) else { return }
        let entry = try audit(acting.id, "referral", subject.uuidString.lowercased(), .delete, before: before,
                              after: nil as Referral?)
        try await store.write { session in
            try await session.deleteReferral(kind, subject)
            try await session.appendAudit(entry)
            _ = try await self.refreshLifecycle(before.referrerCustomerID, in: session)
        }
    }
}
