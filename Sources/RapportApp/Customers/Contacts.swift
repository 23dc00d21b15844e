import Foundation
import RapportCore
import RapportStore

/// Key persons (联系人) of the customers the acting user may see.
public struct Contacts: Sendable {
    let deps: Dependencies

    /// A customer's live key persons (none when the customer is not visible: `notFound`).
    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [Contact] {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.contacts(of: customerID)
        }
    }

    /// Key persons across every customer the acting user may see.
    public func search(_ acting: Acting, search: String?, limit: Int, cursor: PageCursor?) async throws -> Page<Contact> {
        try await deps.read(acting, entity: .contact) { try await $0.contacts(search: search, limit: limit, cursor: cursor) }
    }

    public func get(_ acting: Acting, _ id: ContactID) async throws -> Contact {
        try await deps.read(acting, entity: Contact.recordKind) { session in
            guard let contact = try await session.record(Contact.self, id) else { throw StoreError.notFound }
            return contact
        }
    }

    /// Adds a key person to a customer. Refuses with `duplicate` when the phone or email is
    /// already another key person's, unless `allowDuplicate`.
    public func create(_ acting: Acting, customerID: CustomerID, _ draft: ContactDraft,
                       allowDuplicate: Bool = false) async throws -> Contact {
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        let deps = self.deps
        var prepared = Contact(id: deps.env.newID(), customerID: customerID, name: "", createdAt: now, updatedAt: now)
        draft.apply(to: &prepared)
        let blank = prepared
        return try await deps.write(acting, entity: .customer) { session in
            var contact = blank
            try await session.requireCustomer(customerID, live: true)
            contact.custom = try await deps.validatedCustom(draft.custom, object: .contact, in: session).filter { $0.value != .null }
            let matches = try await Self.insertChecked(contact, duplicatesAllowed: allowDuplicate, acting: acting, deps: deps, in: session)
            if !matches.isEmpty { throw AppError.duplicate(matches) }
            return contact
        }
    }

    /// One new key person's checks and write, shared by `create` and `createMany`: its reports-to
    /// line, its duplicates (unless allowed) — answered, not thrown, and then nothing is written —,
    /// the insert and the audit line.
    private static func insertChecked(_ contact: Contact, duplicatesAllowed: Bool, acting: Acting, deps: Dependencies,
                                      in session: ScopedSession) async throws -> [DuplicateMatch] {
        try await checkReportsTo(contact, in: session)
        if !duplicatesAllowed {
            let matches = try await duplicates(of: contact, in: session)
            if !matches.isEmpty { return matches }
        }
        try await session.insert(contact)
        try await session.catalog.appendAudit(try deps.audit(acting.id, Contact.recordKind, contact.id.description, .create,
                                                             before: nil as Contact?, after: contact))
        return []
    }

    /// Creates many key persons in one transaction (imports), each with the checks `create` makes,
    /// and answers one outcome per row in order: the contact, or why it was not created (a duplicate,
    /// an invalid row, a customer that is not live or not visible). A row that fails leaves the others.
    ///
    /// Rows are written in bulk (`ScopedSession.insertContacts`: multi-row inserts, one search
    /// refresh per customer). Only a row whose phone or email some key person already uses — stored,
    /// or earlier in the same file — or that points at another record takes `create`'s own path, so
    /// its duplicate report names what it matched exactly as `create`'s would.
    public func createMany(_ acting: Acting, _ rows: [(customerID: CustomerID, draft: ContactDraft)]) async throws
        -> [Result<Contact, AppError>] {
        let now = deps.env.now()
        let deps = self.deps
        var prepared: [Contact] = []
        var invalid: [[FieldError]?] = []
        for row in rows {
            var contact = Contact(id: deps.env.newID(), customerID: row.customerID, name: "", createdAt: now, updatedAt: now)
            row.draft.apply(to: &contact)
            prepared.append(contact)
            do { try row.draft.validate(creating: true) } catch { invalid.append(error.errors); continue }
            invalid.append(nil)
        }
        let blanks = prepared, rejected = invalid
        let duplicateKeys = prepared.map { DuplicateKeys(name: "", phone: $0.phone, email: $0.email, registrationNumber: "") }
        // Each row's keys as `contactKeysInUse` answers them (`p:`/`e:`-prefixed).
        let keys = duplicateKeys.map { ($0.phone.isEmpty ? [] : ["p:" + $0.phone]) + ($0.email.isEmpty ? [] : ["e:" + $0.email]) }
        return try await deps.write(acting, entity: .customer) { session in
            var outcomes = [Result<Contact, AppError>](repeating: .failure(.invalid([])), count: rows.count)
            let live = try await session.liveCustomerIDs(Array(Set(rows.map(\.customerID))))
            let used = try await session.contactKeysInUse(phones: duplicateKeys.map(\.phone), emails: duplicateKeys.map(\.email))
            var written = Set<String>()
            var pending: [(index: Int, contact: Contact)] = []
            var pendingKeys = Set<String>()
            func flush() async throws {
                guard !pending.isEmpty else { return }
                try await session.insertContacts(pending.map(\.contact))
                try await session.catalog.appendAudits(try pending.map { row in
                    try deps.audit(acting.id, Contact.recordKind, row.contact.id.description, .create, before: nil as Contact?, after: row.contact)
                })
                for row in pending { outcomes[row.index] = .success(row.contact) }
                written.formUnion(pendingKeys)
                pending.removeAll()
                pendingKeys.removeAll()
            }
            for index in rows.indices {
                if let errors = rejected[index] {
                    outcomes[index] = .failure(.invalid(errors))
                    continue
                }
                var contact = blanks[index]
                guard live.contains(contact.customerID) else {
                    outcomes[index] = .failure(.invalid([FieldError("customer", .unknown)]))
                    continue
                }
                do {
                    contact.custom = try await deps.validatedCustom(rows[index].draft.custom, object: .contact, in: session)
                        .filter { $0.value != .null }
                } catch AppError.invalid(let errors) {
                    outcomes[index] = .failure(.invalid(errors))
                    continue
                }
                let mine = keys[index]
                let checked = !contact.references.isEmpty || mine.contains { used.contains($0) || written.contains($0) || pendingKeys.contains($0) }
                guard checked else {
                    pending.append((index, contact))
                    pendingKeys.formUnion(mine)
                    continue
                }
                // create's own path; the rows before it are written first so that its checks see them.
                try await flush()
                let matches = try await Self.insertChecked(contact, duplicatesAllowed: false, acting: acting, deps: deps, in: session)
                guard matches.isEmpty else {
                    outcomes[index] = .failure(.duplicate(matches))
                    continue
                }
                outcomes[index] = .success(contact)
                written.formUnion(mine)
            }
            try await flush()
            return outcomes
        }
    }

    /// Changes a key person; `version` must be the one read. PATCH semantics: only given fields change.
    public func update(_ acting: Acting, _ id: ContactID, _ draft: ContactDraft, version: Int) async throws -> Contact {
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let deps = self.deps
        return try await deps.change(acting, id, version: version, action: .update) { contact, session in
            if contact.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
            draft.apply(to: &contact)
            if let custom = draft.custom {
                for (key, value) in try await deps.validatedCustom(custom, object: .contact, in: session) {
                    if case .null = value { contact.custom[key] = nil } else { contact.custom[key] = value }
                }
            }
            try await Self.checkReportsTo(contact, in: session)
        }
    }

    public func delete(_ acting: Acting, _ id: ContactID) async throws -> Contact {
        try await deps.delete(acting, id)
    }

    public func restore(_ acting: Acting, _ id: ContactID) async throws -> Contact {
        try await deps.restore(acting, id)
    }

    /// The reports-to person must be a live key person of the same customer (the session checks
    /// that) and must not make a loop.
    static func checkReportsTo(_ contact: Contact, in session: ScopedSession) async throws {
        guard let bossID = contact.reportsToID else { return }
        if bossID == contact.id { throw AppError.invalid([FieldError("reportsToID", .loop)]) }
        let siblings = try await session.contacts(of: contact.customerID)
        var seen: Set<ContactID> = [contact.id]
        var cursor: ContactID? = bossID
        while let current = cursor {
            if !seen.insert(current).inserted { throw AppError.invalid([FieldError("reportsToID", .loop)]) }
            cursor = siblings.first(where: { $0.id == current })?.reportsToID
        }
    }

    /// Key persons elsewhere with the same phone or email, as the acting user may learn of them.
    static func duplicates(of contact: Contact, in session: ScopedSession) async throws -> [DuplicateMatch] {
        try await session.duplicateContacts(phone: contact.phone, email: contact.email, excluding: contact.id).map { found in
            var reasons: [DuplicateReason] = []
            if !contact.phone.isEmpty, DuplicateKeys.normalizedPhone(found.phone) == DuplicateKeys.normalizedPhone(contact.phone) {
                reasons.append(.phone)
            }
            if !contact.email.isEmpty, found.email.lowercased() == contact.email.lowercased() { reasons.append(.email) }
            var match = DuplicateMatch(found.customer)
            match.contactID = found.contact?.id
            match.reasons = reasons
            return match
        }
    }
}
