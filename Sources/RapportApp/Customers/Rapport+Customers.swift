import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// A page of customers the acting user may see.
    public func customers(_ acting: Acting, _ query: CustomerQuery) async throws -> Page<Customer> {
        var query = query
        if query.deleted != .exclude && !acting.isManager { query.deleted = .exclude }
        let scoped = query
        return try await mapped("customer") {
            try await store.read { try await $0.customers(scoped, scope: acting.scope) }
        }
    }

    /// How many customers the acting user may see match the filters.
    public func customerCount(_ acting: Acting, _ query: CustomerQuery) async throws -> Int {
        try await store.read { try await $0.customerCount(query, scope: acting.scope) }
    }

    /// One customer; `notFound` when it does not exist or is outside the acting user's scope.
    public func customer(_ acting: Acting, _ id: CustomerID) async throws -> Customer {
        guard let customer = try await store.read({ try await $0.customer(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "customer")
        }
        return customer
    }

    /// The names of the given customers that the acting user may see (one query), for lists of child records.
    public func customerNames(_ acting: Acting, _ ids: [CustomerID]) async throws -> [CustomerID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await store.read { try await $0.customerNames(Array(Set(ids)), scope: acting.scope) }
    }

    /// Existing customers that look like the given fields, each with its owner's name.
    public func duplicates(_ acting: Acting, name: String, phone: String = "", email: String = "",
                           registrationNumber: String = "", excluding: CustomerID? = nil) async throws -> [DuplicateMatch] {
        let keys = DuplicateKeys(name: name, phone: phone, email: email, registrationNumber: registrationNumber)
        let found = try await store.read { try await $0.duplicateCustomers(of: keys, excluding: excluding) }
        var names: [UserID: String] = [:]
        for owner in Set(found.compactMap(\.0.ownerID)) {
            names[owner] = try await store.read { try await $0.user(owner) }?.user.displayName
        }
        return found.map { customer, reasons in
            DuplicateMatch(customerID: customer.id, customerName: customer.name, ownerID: customer.ownerID,
                           ownerName: customer.ownerID.flatMap { names[$0] }, reasons: reasons,
                           visible: acting.scope.contains(owner: customer.ownerID, team: customer.teamID))
        }
    }

    /// Creates a customer. The owner defaults to the acting user; reps cannot give it to someone
    /// else. Refuses with `duplicate` when it matches an existing customer, unless `allowDuplicate`.
    public func createCustomer(_ acting: Acting, _ draft: CustomerDraft, allowDuplicate: Bool = false) async throws -> Customer {
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let custom = try await validatedCustom(draft.custom, object: .customer)
        let ownerID = draft.ownerID ?? acting.id
        let owner = try await assignableOwner(acting, ownerID)
        let now = env.now()
        var customer = Customer(id: env.newID(), name: "", kind: .enterprise, ownerID: owner.id, teamID: owner.teamID,
                                createdAt: now, updatedAt: now)
        draft.apply(to: &customer)
        customer.custom = custom.filter { $0.value != .null }
        if !allowDuplicate {
            let matches = try await duplicates(acting, name: customer.name, phone: customer.phone, email: customer.email,
                                               registrationNumber: customer.registrationNumber)
            if !matches.isEmpty { throw AppError.duplicate(matches) }
        }
        let entry = try audit(acting.id, "customer", customer.id.description, .create, before: nil as Customer?, after: customer)
        let saved = customer
        try await store.write { session in
            try await session.insertCustomer(saved)
            try await session.appendAudit(entry)
            if saved.ownerID == nil { try await session.enterDefaultPool([saved.id], at: now) }
        }
        return customer
    }

    /// Changes a customer the acting user may see. `version` must be the one they read.
    /// Changing the owner is a reassignment: reps may not do it; managers only within their teams.
    public func updateCustomer(_ acting: Acting, _ id: CustomerID, _ draft: CustomerDraft, version: Int) async throws -> Customer {
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let before = try await customer(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        var after = before
        draft.apply(to: &after)
        if let custom = draft.custom {
            let checked = try await validatedCustom(custom, object: .customer)
            for (key, value) in checked {
                if case .null = value { after.custom[key] = nil } else { after.custom[key] = value }
            }
        }
        var action = AuditAction.update
        if let newOwner = draft.ownerID, newOwner != before.ownerID {
            guard acting.isManager else { throw AppError.forbidden(reason: "reassignNeedsManager") }
            let owner = try await assignableOwner(acting, newOwner)
            after.ownerID = owner.id
            after.teamID = owner.teamID
            action = .reassign
        }
        after.updatedAt = env.now()
        after.version = before.version + 1
        let entry = try audit(acting.id, "customer", id.description, action, before: before, after: after)
        let saved = after
        let handover = action == .reassign ? try await newHandover(acting, before: before, after: after) : nil
        try await mapped("customer") {
            try await store.write { session in
                try await session.updateCustomer(saved, expectedVersion: version)
                try await session.appendAudit(entry)
                if let handover { try await recordHandover(handover, team: saved.teamID, in: session) }
                if handover != nil { try await session.markPoolOwned(id, at: saved.updatedAt, reason: "assigned") }
            }
        }
        return after
    }

    /// The handover and the notice for a reassigned customer (written with the change itself).
    private func newHandover(_ acting: Acting, before: Customer, after: Customer) async throws -> (Handover, Notice)? {
        guard let newOwner = after.ownerID else { return nil }
        let now = env.now()
        let handover = Handover(id: env.newID(), customerID: after.id, fromUserID: before.ownerID, toUserID: newOwner,
                                summary: try await handoverSummary(acting, customer: before), createdBy: acting.id,
                                createdAt: now)
        let notice = Notice(id: env.newID(), recipientID: newOwner, kind: .handoverReceived,
                            subjectID: handover.id.description, customerID: after.id,
                            payload: ["customerName": after.name, "fromName": handover.summary.previousOwnerName ?? ""],
                            createdAt: now)
        return (handover, notice)
    }

    /// Saves a handover, moves the previous owner's open promises and the customer's open deals to
    /// the new owner (deals also to the customer's team) and audits the moves.
    private func recordHandover(_ pair: (Handover, Notice), team: TeamID?, in session: StoreSession) async throws {
        let (handover, notice) = pair
        try await session.insertHandover(handover)
        try await session.insertNotice(notice)
        try await session.setCareDatesOwner(of: handover.customerID, to: handover.toUserID)
        if let from = handover.fromUserID {
            let moved = try await session.transferOpenCommitments(of: handover.customerID, from: from,
                                                                  to: handover.toUserID, at: handover.createdAt)
            if moved > 0 {
                try await session.appendAudit(try audit(handover.createdBy, "customer", handover.customerID.description,
                                                        .reassign, before: ["commitmentsOwner": from.description],
                                                        after: ["commitmentsOwner": handover.toUserID.description,
                                                                "moved": String(moved)]))
            }
        }
        let deals = try await session.transferOpenDeals(of: handover.customerID, to: handover.toUserID, team: team,
                                                        at: handover.createdAt)
        if deals > 0 {
            try await session.appendAudit(try audit(handover.createdBy, "customer", handover.customerID.description,
                                                    .reassign, before: ["dealsOwner": handover.fromUserID?.description ?? ""],
                                                    after: ["dealsOwner": handover.toUserID.description, "moved": String(deals)]))
        }
    }

    /// Soft-deletes a customer (restorable). Reps may delete their own.
    public func deleteCustomer(_ acting: Acting, _ id: CustomerID, version: Int? = nil) async throws -> Customer {
        try await setCustomerDeleted(acting, id, deleted: true, version: version)
    }

    /// Brings a soft-deleted customer back.
    public func restoreCustomer(_ acting: Acting, _ id: CustomerID) async throws -> Customer {
        try await setCustomerDeleted(acting, id, deleted: false, version: nil)
    }

    private func setCustomerDeleted(_ acting: Acting, _ id: CustomerID, deleted: Bool, version: Int?) async throws -> Customer {
        let before = try await customer(acting, id)
        guard (before.deletedAt != nil) != deleted else { return before }
        var after = before
        after.deletedAt = deleted ? env.now() : nil
        after.updatedAt = env.now()
        after.version += 1
        let entry = try audit(acting.id, "customer", id.description, deleted ? .delete : .restore, before: before, after: after)
        let saved = after
        try await mapped("customer") {
            try await store.write { session in
                try await session.updateCustomer(saved, expectedVersion: version ?? before.version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    /// The audit trail of a customer the acting user may see.
    public func customerHistory(_ acting: Acting, _ id: CustomerID) async throws -> [AuditEntry] {
        _ = try await customer(acting, id)
        return try await store.read { try await $0.audit(entity: "customer", entityID: id.description) }
    }

    /// The user who may own a customer given by the acting user: reps only themselves,
    /// managers themselves or members of their teams, admins anyone active.
    func assignableOwner(_ acting: Acting, _ ownerID: UserID) async throws -> User {
        if ownerID == acting.id { return acting.user }
        guard let owner = try await store.read({ try await $0.user(ownerID) })?.user, !owner.disabled else {
            throw AppError.invalid([FieldError("ownerID", "unknown")])
        }
        switch acting.scope {
        case .everything: return owner
        case .owner: throw AppError.forbidden(reason: "assignNeedsManager")
        case .teams(_, let teams):
            guard let team = owner.teamID, teams.contains(team) else { throw AppError.forbidden(reason: "ownerOutsideTeam") }
            return owner
        }
    }

    /// Checks custom values against the admin's field definitions; `null` (clear) values are kept.
    func validatedCustom(_ values: [String: CustomValue]?, object: CustomObject) async throws -> [String: CustomValue] {
        guard let values, !values.isEmpty else { return [:] }
        let definitions = try await store.read { try await $0.fields(object: object) }
        do {
            return try CustomFieldDefinition.validate(values, definitions: definitions)
        } catch {
            throw AppError.invalid(error.errors)
        }
    }
}
