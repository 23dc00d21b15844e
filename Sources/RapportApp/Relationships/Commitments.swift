import Foundation
import RapportCore
import RapportStore

/// Promises (承诺) made to customers: kept, broken or cancelled, with evidence for the kept ones.
public struct Commitments: Sendable {
    let deps: Dependencies

    /// A customer's promises (open first), for a user who may see the customer.
    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [Commitment] {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.commitments(of: customerID)
        }
    }

    /// Promises across the customers the user may see, filtered and paged by due date.
    public func search(_ acting: Acting, _ filter: CommitmentFilter, limit: Int = 50,
                       cursor: PageCursor? = nil) async throws -> Page<Commitment> {
        try await deps.read(acting) { try await $0.commitments(filter, limit: limit, cursor: cursor) }
    }

    public func get(_ acting: Acting, _ id: CommitmentID) async throws -> Commitment {
        try await deps.read(acting, entity: Commitment.recordKind) { session in
            guard let found = try await session.record(Commitment.self, id) else { throw StoreError.notFound }
            return found
        }
    }

    /// Records a promise to a customer. The owner defaults to the customer's owner; reps may only
    /// give promises to themselves or the customer's owner.
    public func create(_ acting: Acting, customerID: CustomerID, _ draft: CommitmentDraft) async throws -> Commitment {
        do { try draft.validate(current: nil) } catch { throw AppError.invalid(error.errors) }
        guard let dueOn = draft.dueOn else { throw AppError.invalid([FieldError("dueOn", .required)]) }
        let now = deps.env.now()
        let id: CommitmentID = deps.env.newID()
        let deps = self.deps
        return try await deps.write(acting, entity: .customer) { session in
            let parent = try await session.requireCustomer(customerID, live: true)
            var promise = Commitment(id: id, customerID: customerID, contactID: nil, ownerID: parent.ownerID ?? acting.id,
                                     title: "", details: "", dueOn: dueOn, createdBy: acting.id, createdAt: now, updatedAt: now)
            var initial = draft
            initial.state = nil
            initial.apply(to: &promise, now: now)
            try await Self.checkOwner(acting, promise, customer: parent, deps: deps)
            try await session.insert(promise)
            try await session.catalog.appendAudit(try deps.audit(acting.id, Commitment.recordKind, promise.id.description, .create,
                                                                 before: nil as Commitment?, after: promise))
            return promise
        }
    }

    /// Changes a promise: its text, due date, owner or state (done needs evidence).
    public func update(_ acting: Acting, _ id: CommitmentID, _ draft: CommitmentDraft, version: Int) async throws -> Commitment {
        let deps = self.deps
        return try await deps.change(acting, id, version: version, action: .update) { promise, session in
            if promise.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
            do { try draft.validate(current: promise) } catch let failed as ValidationFailed { throw AppError.invalid(failed.errors) }
            let before = promise
            draft.apply(to: &promise, now: deps.env.now())
            if promise.ownerID != before.ownerID {
                let parent = try await session.requireCustomer(promise.customerID, live: true)
                try await Self.checkOwner(acting, promise, customer: parent, deps: deps)
            }
        }
    }

    /// Soft-deletes a promise recorded by mistake (restorable).
    public func delete(_ acting: Acting, _ id: CommitmentID) async throws -> Commitment {
        try await deps.delete(acting, id)
    }

    public func restore(_ acting: Acting, _ id: CommitmentID) async throws -> Commitment {
        try await deps.restore(acting, id)
    }

    /// The owner must be an active user who may see the customer (reps: themselves or the customer's
    /// owner). The key person is checked by the session as a reference of the promise.
    private static func checkOwner(_ acting: Acting, _ promise: Commitment, customer: Customer, deps: Dependencies) async throws {
        if acting.user.role == .rep, promise.ownerID != acting.id, promise.ownerID != customer.ownerID {
            throw AppError.forbidden(reason: .commitmentOwner)
        }
        guard let owner = try await deps.read(acting, { try await $0.catalog.user(promise.ownerID) })?.user, !owner.disabled else {
            throw AppError.invalid([FieldError("ownerID", .unknown)])
        }
        let ownerScope = try await Rapport(deps: deps).acting(owner).scope
        guard ownerScope.contains(owner: customer.ownerID, team: customer.teamID) else {
            throw AppError.invalid([FieldError("ownerID", .noAccess)])
        }
    }
}
