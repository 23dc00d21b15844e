import Foundation
import RapportCore
import RapportStore

/// "Referred by" (转介绍) on customers and key persons, and the referral tree.
public struct Referrals: Sendable {
    let deps: Dependencies

    /// Who referred a customer (nil when nobody is recorded).
    public func get(_ acting: Acting, ofCustomer customerID: CustomerID) async throws -> Referral? {
        try await deps.read(acting, entity: .customer) { try await $0.referral(.customer, customerID.uuid) }
    }

    /// Who referred a key person (nil when nobody is recorded).
    public func get(_ acting: Acting, ofContact contactID: ContactID) async throws -> Referral? {
        try await deps.read(acting, entity: .contact) { try await $0.referral(.contact, contactID.uuid) }
    }

    /// Sets "referred by" on a customer. The referrer must be a customer the user may see, not the
    /// customer itself nor one it brought (directly or further down): no cycles.
    public func setForCustomer(_ acting: Acting, _ customerID: CustomerID, _ draft: ReferralDraft) async throws -> Referral {
        let subject = try await Customers(deps: deps).get(acting, customerID)
        if subject.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let referrer = try await checkReferrer(acting, draft)
        if referrer == customerID { throw AppError.invalid([FieldError("referrerCustomerID", .cycle)]) }
        let cycle: Bool
        do {
            cycle = try await deps.read(acting) { try await $0.referrerChain(of: referrer, contains: customerID) }
        } catch AppError.notFound {
            throw AppError.invalid([FieldError("referrerCustomerID", .unknown)])
        }
        if cycle { throw AppError.invalid([FieldError("referrerCustomerID", .cycle)]) }
        return try await saveReferral(acting, .customer, customerID.uuid, owner: customerID, referrer: referrer, draft)
    }

    /// Sets "referred by" on a key person; the referrer must not be the person's own customer.
    public func setForContact(_ acting: Acting, _ contactID: ContactID, _ draft: ReferralDraft) async throws -> Referral {
        let person = try await Contacts(deps: deps).get(acting, contactID)
        let referrer = try await checkReferrer(acting, draft)
        if referrer == person.customerID { throw AppError.invalid([FieldError("referrerCustomerID", .cycle)]) }
        return try await saveReferral(acting, .contact, contactID.uuid, owner: person.customerID, referrer: referrer, draft)
    }

    /// Clears "referred by" on a customer.
    public func clearForCustomer(_ acting: Acting, _ customerID: CustomerID) async throws {
        _ = try await Customers(deps: deps).get(acting, customerID)
        try await clearReferral(acting, .customer, customerID.uuid)
    }

    /// Clears "referred by" on a key person.
    public func clearForContact(_ acting: Acting, _ contactID: ContactID) async throws {
        _ = try await Contacts(deps: deps).get(acting, contactID)
        try await clearReferral(acting, .contact, contactID.uuid)
    }

    private func checkReferrer(_ acting: Acting, _ draft: ReferralDraft) async throws -> CustomerID {
        do { try draft.validate() } catch { throw AppError.invalid(error.errors) }
        guard let referrerID = draft.referrerCustomerID else { throw AppError.invalid([FieldError("referrerCustomerID", .unknown)]) }
        return referrerID
    }

    private func saveReferral(_ acting: Acting, _ kind: ReferralSubject, _ subject: UUID, owner: CustomerID,
                              referrer: CustomerID, _ draft: ReferralDraft) async throws -> Referral {
        let referral = Referral(id: deps.env.newID(), subjectKind: kind, subjectID: subject, referrerCustomerID: referrer,
                                referrerContactID: draft.referrerContactID,
                                note: (draft.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                recordedBy: acting.id, recordedAt: deps.env.now())
        let before = try await deps.read(acting) { try await $0.referral(kind, subject) }
        let entry = try deps.audit(acting.id, .referral, subject.uuidString.lowercased(), before == nil ? .create : .update,
                              before: before, after: referral)
        let deps = self.deps
        try await deps.write(acting) { session in
            try await session.saveReferral(referral)
            try await session.catalog.appendAudit(entry)
            for affected in Set([before?.referrerCustomerID, referrer].compactMap { $0 }) {
                _ = try await deps.refreshLifecycle(affected, in: session)
            }
        }
        return referral
    }

    private func clearReferral(_ acting: Acting, _ kind: ReferralSubject, _ subject: UUID) async throws {
        guard let before = try await deps.read(acting, { try await $0.referral(kind, subject) }) else { return }
        let entry = try deps.audit(acting.id, .referral, subject.uuidString.lowercased(), .delete, before: before,
                              after: nil as Referral?)
        let deps = self.deps
        try await deps.write(acting) { session in
            try await session.deleteReferral(kind, subject)
            try await session.catalog.appendAudit(entry)
            _ = try await deps.refreshLifecycle(before.referrerCustomerID, in: session)
        }
    }

    /// How deep and how wide a referral tree is followed down.
    static let referralTreeDepth = 12
    static let referralTreeSize = 1000

    /// A customer's referral tree: who referred it up to the root, and everything it brought.
    /// Customers the user may not see appear without name or id ("another rep's customer").
    public func tree(_ acting: Acting, of customerID: CustomerID) async throws -> ReferralTree {
        let found = try await deps.read(acting, entity: .customer) { session in
            try await session.referralTree(of: customerID, depth: Self.referralTreeDepth, size: Self.referralTreeSize)
        }
        func convert(_ node: ReferralTreeNode) -> ReferralNode {
            ReferralNode(customerID: node.customerID, name: node.name, visible: node.visible, stage: node.stage,
                         referred: node.referred.map(convert))
        }
        return ReferralTree(referredBy: found.referredBy.map(convert), root: convert(found.root), referralsMade: found.referralsMade)
    }
}
