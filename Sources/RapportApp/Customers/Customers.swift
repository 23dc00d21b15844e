import Foundation
import RapportCore
import RapportStore

/// The customer file: list, search, read, create, change, reassign, delete, restore, history, duplicates.
public struct Customers: Sendable {
    let deps: Dependencies

    /// A page of the customers the acting user may see. Only managers and admins see the trash;
    /// a rep asking for it is refused.
    public func list(_ acting: Acting, _ query: CustomerQuery) async throws -> Page<Customer> {
        try checkTrash(acting, query)
        return try await deps.read(acting, entity: .customer) { try await $0.customers(query) }
    }

    /// The page `list` answers, each customer as a line of the list (with its stage, main key
    /// person and last touch), read without the rest of the record.
    public func listLines(_ acting: Acting, _ query: CustomerQuery) async throws -> Page<CustomerListLine> {
        try checkTrash(acting, query)
        return try await deps.read(acting, entity: .customer) { try await $0.customerListLines(query) }
    }

    /// How many customers the acting user may see match the filters; with `cap`, at most `cap + 1`
    /// (more than `cap` is all a page needs to say "1,000+", and counting stops there).
    public func count(_ acting: Acting, _ query: CustomerQuery, cap: Int? = nil) async throws -> Int {
        try checkTrash(acting, query)
        return try await deps.read(acting) { try await $0.customerCount(query, cap: cap) }
    }

    /// One customer; `notFound` when it does not exist or is outside the acting user's scope.
    public func get(_ acting: Acting, _ id: CustomerID) async throws -> Customer {
        try await deps.read(acting, entity: .customer) { session in
            guard let customer = try await session.customer(id) else { throw StoreError.notFound }
            return customer
        }
    }

    /// The names of the given customers that the acting user may see (one query), for lists of child records.
    public func names(_ acting: Acting, _ ids: [CustomerID]) async throws -> [CustomerID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await deps.read(acting) { try await $0.customerNames(Array(Set(ids))) }
    }

    /// What the list shows beside each customer: stage, main key person, last touch.
    public func listFacts(_ acting: Acting, _ ids: [CustomerID]) async throws -> [CustomerID: CustomerListFacts] {
        guard !ids.isEmpty else { return [:] }
        return try await deps.read(acting) { try await $0.customerListFacts(ids) }
    }

    /// Existing customers that look like the given fields, each with its owner's name. Customers the
    /// acting user may not see are named without their ids.
    public func duplicates(_ acting: Acting, name: String, phone: String = "", email: String = "",
                           registrationNumber: String = "", excluding: CustomerID? = nil) async throws -> [DuplicateMatch] {
        let keys = DuplicateKeys(name: name, phone: phone, email: email, registrationNumber: registrationNumber)
        return try await deps.read(acting) { session in
            try await session.duplicateCustomers(of: keys, excluding: excluding).map(DuplicateMatch.init)
        }
    }

    /// Creates a customer. The owner defaults to the acting user; reps cannot give it to someone
    /// else. Refuses with `duplicate` when it matches an existing customer, unless `allowDuplicate`.
    public func create(_ acting: Acting, _ draft: CustomerDraft, allowDuplicate: Bool = false) async throws -> Customer {
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let owner = try await assignableOwner(acting, draft.ownerID ?? acting.id)
        let now = deps.env.now()
        var customer = Customer(id: deps.env.newID(), name: "", kind: .enterprise, ownerID: owner.id, teamID: owner.teamID,
                                createdAt: now, updatedAt: now)
        draft.apply(to: &customer)
        let deps = self.deps
        let prepared = customer
        return try await deps.write(acting, entity: .customer) { session in
            var customer = prepared
            customer.custom = try await deps.validatedCustom(draft.custom, object: .customer, in: session).filter { $0.value != .null }
            if !allowDuplicate {
                let keys = DuplicateKeys(name: customer.name, phone: customer.phone, email: customer.email,
                                         registrationNumber: customer.registrationNumber)
                let matches = try await session.duplicateCustomers(of: keys).map(DuplicateMatch.init)
                if !matches.isEmpty { throw AppError.duplicate(matches) }
            }
            try await session.insertCustomer(customer)
            try await session.catalog.appendAudit(try deps.audit(acting.id, Customer.recordKind, customer.id.description, .create,
                                                                 before: nil as Customer?, after: customer))
            if customer.ownerID == nil { try await session.enterDefaultPool([customer.id], at: now) }
            return customer
        }
    }

    /// Changes a customer the acting user may see. `version` must be the one they read.
    /// Changing the owner is a reassignment: reps may not do it; managers only within their teams;
    /// the handover (snapshot, notice, open promises and deals moving) is written in the same transaction.
    public func update(_ acting: Acting, _ id: CustomerID, _ draft: CustomerDraft, version: Int) async throws -> Customer {
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let before = try await get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        var newOwner: User?
        if let ownerID = draft.ownerID, ownerID != before.ownerID {
            guard acting.isManager else { throw AppError.forbidden(reason: .reassignNeedsManager) }
            newOwner = try await assignableOwner(acting, ownerID)
        }
        var prepared: (Handover, Notice)?
        if let newOwner { prepared = try await Handovers(deps: deps).prepare(acting, customer: before, to: newOwner) }
        let deps = self.deps
        let reassigned = newOwner, handover = prepared
        return try await deps.change(acting, id, version: version, action: reassigned == nil ? .update : .reassign) { customer, session in
            if customer.deletedAt != nil { throw StoreError.parentDeleted }
            if let status = draft.status, status != customer.status {
                let facts = try await session.statusFacts(of: id)
                if let code = CustomerStatusRule.refusal(requested: status, hasOrders: facts.hasOrders,
                                                         runningTerm: facts.runningTerm) {
                    throw AppError.invalid([FieldError("status", code)])
                }
            }
            draft.apply(to: &customer)
            if let custom = draft.custom {
                for (key, value) in try await deps.validatedCustom(custom, object: .customer, in: session) {
                    if case .null = value { customer.custom[key] = nil } else { customer.custom[key] = value }
                }
            }
            if let owner = reassigned, let handover {
                customer.ownerID = owner.id
                customer.teamID = owner.teamID
                try await Handovers(deps: deps).record(handover, team: owner.teamID, in: session)
                try await session.markPoolOwned(id, at: deps.env.now(), reason: "assigned")
            }
        }
    }

    /// Soft-deletes a customer (restorable). Reps may delete their own.
    public func delete(_ acting: Acting, _ id: CustomerID, version: Int? = nil) async throws -> Customer {
        try await deps.delete(acting, id, version: version)
    }

    /// Brings a soft-deleted customer back.
    public func restore(_ acting: Acting, _ id: CustomerID) async throws -> Customer {
        try await deps.restore(acting, id)
    }

    /// The audit trail of a customer the acting user may see.
    public func history(_ acting: Acting, _ id: CustomerID) async throws -> [AuditEntry] {
        try await deps.read(acting, entity: .customer) { try await $0.customerHistory(id) }
    }

    /// The user who may own a customer given by the acting user: reps only themselves,
    /// managers themselves or members of their teams, admins anyone active.
    func assignableOwner(_ acting: Acting, _ ownerID: UserID) async throws -> User {
        if ownerID == acting.id { return acting.user }
        guard let owner = try await deps.read(acting, { try await $0.catalog.user(ownerID) })?.user, !owner.disabled else {
            throw AppError.invalid([FieldError("ownerID", .unknown)])
        }
        switch acting.scope {
        case .all: return owner
        case .owner: throw AppError.forbidden(reason: .assignNeedsManager)
        case .teams(_, let teams):
            guard let team = owner.teamID, teams.contains(team) else { throw AppError.forbidden(reason: .ownerOutsideTeam) }
            return owner
        }
    }

    /// Reps see no trash: asking for it is refused rather than answered with live customers.
    private func checkTrash(_ acting: Acting, _ query: CustomerQuery) throws {
        if query.deleted != .exclude && !acting.isManager { throw AppError.forbidden(reason: .trashNeedsManager) }
    }
}

extension DuplicateMatch {
    /// What the viewer may learn of a look-alike customer: ids only when they may open it.
    init(_ candidate: DuplicateCandidate) {
        self.init(customerID: candidate.visibleCustomer?.id, customerName: candidate.name,
                  ownerID: candidate.visibleCustomer?.ownerID, ownerName: candidate.ownerName, reasons: candidate.reasons,
                  visible: candidate.visibleCustomer != nil)
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
