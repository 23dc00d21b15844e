import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// A customer's promises (open first), for a user who may see the customer.
    public func commitments(_ acting: Acting, of customerID: CustomerID) async throws -> [Commitment] {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.commitments(of: customerID) }
    }

    /// Promises across the customers the user may see, filtered and paged by due date.
    public func commitments(_ acting: Acting, _ filter: CommitmentFilter, limit: Int = 50,
                            cursor: PageCursor? = nil) async throws -> Page<Commitment> {
        try await store.read { try await $0.commitments(filter, scope: acting.scope, limit: limit, cursor: cursor) }
    }

    public func commitment(_ acting: Acting, _ id: CommitmentID) async throws -> Commitment {
        guard let found = try await store.read({ try await $0.commitment(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "commitment")
        }
        return found
    }

    /// Records a promise to a customer. The owner defaults to the customer's owner; reps may only
    /// give promises to themselves or the customer's owner.
    public func createCommitment(_ acting: Acting, customerID: CustomerID, _ draft: CommitmentDraft) async throws -> Commitment {
        do { try draft.validate(current: nil) } catch { throw AppError.invalid(error.errors) }
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let now = env.now()
        guard let dueOn = draft.dueOn else { throw AppError.invalid([FieldError("dueOn", "required")]) }
        var promise = Commitment(id: env.newID(), customerID: customerID, contactID: nil, ownerID: parent.ownerID ?? acting.id,
                                 title: "", details: "", dueOn: dueOn, createdBy: acting.id, createdAt: now, updatedAt: now)
        var initial = draft
        initial.state = nil
        initial.apply(to: &promise, now: now)
        try await checkCommitmentLinks(acting, promise, customer: parent)
        let entry = try audit(acting.id, "commitment", promise.id.description, .create, before: nil as Commitment?, after: promise)
        let saved = promise
        try await store.write { session in
            try await session.insertCommitment(saved)
            try await session.appendAudit(entry)
        }
        return promise
    }

    /// Changes a promise: its text, due date, owner or state (done needs evidence).
    public func updateCommitment(_ acting: Acting, _ id: CommitmentID, _ draft: CommitmentDraft,
                                 version: Int) async throws -> Commitment {
        let before = try await commitment(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        do { try draft.validate(current: before) } catch { throw AppError.invalid(error.errors) }
        var after = before
        let now = env.now()
        draft.apply(to: &after, now: now)
        let parent = try await customer(acting, before.customerID)
        if after.ownerID != before.ownerID || after.contactID != before.contactID {
            try await checkCommitmentLinks(acting, after, customer: parent)
        }
        after.updatedAt = now
        after.version = before.version + 1
        return try await saveCommitment(acting, before: before, after: after, action: .update, version: version)
    }

    /// Soft-deletes a promise recorded by mistake (restorable).
    public func deleteCommitment(_ acting: Acting, _ id: CommitmentID) async throws -> Commitment {
        try await setCommitmentDeleted(acting, id, deleted: true)
    }

    public func restoreCommitment(_ acting: Acting, _ id: CommitmentID) async throws -> Commitment {
        try await setCommitmentDeleted(acting, id, deleted: false)
    }

    private func setCommitmentDeleted(_ acting: Acting, _ id: CommitmentID, deleted: Bool) async throws -> Commitment {
        let before = try await commitment(acting, id)
        guard (before.deletedAt != nil) != deleted else { return before }
        var after = before
        after.deletedAt = deleted ? env.now() : nil
        after.updatedAt = env.now()
        after.version += 1
        return try await saveCommitment(acting, before: before, after: after, action: deleted ? .delete : .restore,
                                        version: before.version)
    }

    private func saveCommitment(_ acting: Acting, before: Commitment, after: Commitment, action: AuditAction,
                                version: Int) async throws -> Commitment {
        let entry = try audit(acting.id, "commitment", after.id.description, action, before: before, after: after)
        try await mapped("commitment") {
            try await store.write { session in
                try await session.updateCommitment(after, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    /// The owner must be an active user who may see the customer (reps: themselves or the customer's
    /// owner); the key person must belong to the customer.
    private func checkCommitmentLinks(_ acting: Acting, _ promise: Commitment, customer: Customer) async throws {
        if acting.user.role == .rep, promise.ownerID != acting.id, promise.ownerID != customer.ownerID {
            throw AppError.forbidden(reason: "commitmentOwner")
        }
        guard let owner = try await store.read({ try await $0.user(promise.ownerID) })?.user, !owner.disabled else {
            throw AppError.invalid([FieldError("ownerID", "unknown")])
        }
        let ownerScope = try await self.acting(owner).scope
        guard ownerScope.contains(owner: customer.ownerID, team: customer.teamID) else {
            throw AppError.invalid([FieldError("ownerID", "noAccess")])
        }
        if let contactID = promise.contactID {
            let contacts = try await store.read { try await $0.contacts(of: promise.customerID) }
            guard contacts.contains(where: { $0.id == contactID }) else {
                throw AppError.invalid([FieldError("contactID", "unknown")])
            }
        }
    }
}
