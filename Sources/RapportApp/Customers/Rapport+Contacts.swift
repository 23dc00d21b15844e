import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// A customer's live key persons (the customer must be visible to the acting user).
    public func contacts(_ acting: Acting, of customerID: CustomerID) async throws -> [Contact] {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.contacts(of: customerID) }
    }

    /// Contacts across every customer the acting user may see.
    public func contacts(_ acting: Acting, search: String?, limit: Int, cursor: PageCursor?) async throws -> Page<Contact> {
        try await mapped("contact") {
            try await store.read { try await $0.contacts(search: search, scope: acting.scope, limit: limit, cursor: cursor) }
        }
    }

    public func contact(_ acting: Acting, _ id: ContactID) async throws -> Contact {
        guard let contact = try await store.read({ try await $0.contact(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "contact")
        }
        return contact
    }

    /// Adds a key person to a customer. Refuses with `duplicate` when the phone or email is
    /// already another contact's, unless `allowDuplicate`.
    public func createContact(_ acting: Acting, customerID: CustomerID, _ draft: ContactDraft,
                              allowDuplicate: Bool = false) async throws -> Contact {
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let custom = try await validatedCustom(draft.custom, object: .contact)
        let now = env.now()
        var contact = Contact(id: env.newID(), customerID: customerID, name: "", createdAt: now, updatedAt: now)
        draft.apply(to: &contact)
        contact.custom = custom.filter { $0.value != .null }
        try await checkContactLinks(acting, contact)
        if !allowDuplicate {
            let matches = try await contactDuplicates(acting, contact)
            if !matches.isEmpty { throw AppError.duplicate(matches) }
        }
        let entry = try audit(acting.id, "contact", contact.id.description, .create, before: nil as Contact?, after: contact)
        let saved = contact
        try await store.write { session in
            try await session.insertContact(saved)
            try await session.appendAudit(entry)
        }
        return contact
    }

    public func updateContact(_ acting: Acting, _ id: ContactID, _ draft: ContactDraft, version: Int) async throws -> Contact {
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let before = try await contact(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        var after = before
        draft.apply(to: &after)
        if let custom = draft.custom {
            for (key, value) in try await validatedCustom(custom, object: .contact) {
                if case .null = value { after.custom[key] = nil } else { after.custom[key] = value }
            }
        }
        try await checkContactLinks(acting, after)
        after.updatedAt = env.now()
        after.version = before.version + 1
        return try await saveContact(acting, before: before, after: after, action: .update, version: version)
    }

    public func deleteContact(_ acting: Acting, _ id: ContactID) async throws -> Contact {
        let before = try await contact(acting, id)
        guard before.deletedAt == nil else { return before }
        var after = before
        after.deletedAt = env.now()
        after.version += 1
        return try await saveContact(acting, before: before, after: after, action: .delete, version: before.version)
    }

    public func restoreContact(_ acting: Acting, _ id: ContactID) async throws -> Contact {
        let before = try await contact(acting, id)
        guard before.deletedAt != nil else { return before }
        var after = before
        after.deletedAt = nil
        after.version += 1
        return try await saveContact(acting, before: before, after: after, action: .restore, version: before.version)
    }

    private func saveContact(_ acting: Acting, before: Contact, after: Contact, action: AuditAction, version: Int) async throws -> Contact {
        let entry = try audit(acting.id, "contact", after.id.description, action, before: before, after: after)
        try await mapped("contact") {
            try await store.write { session in
                try await session.updateContact(after, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    /// The reports-to person must be a live contact of the same customer and not make a loop;
    /// the relationship owner must be a known user.
    private func checkContactLinks(_ acting: Acting, _ contact: Contact) async throws {
        if let bossID = contact.reportsToID {
            let siblings = try await store.read { try await $0.contacts(of: contact.customerID) }
            guard siblings.contains(where: { $0.id == bossID }), bossID != contact.id else {
                throw AppError.invalid([FieldError("reportsToID", "unknown")])
            }
            var seen: Set<ContactID> = [contact.id]
            var cursor: ContactID? = bossID
            while let current = cursor {
                if !seen.insert(current).inserted { throw AppError.invalid([FieldError("reportsToID", "loop")]) }
                cursor = siblings.first(where: { $0.id == current })?.reportsToID
            }
        }
        if let ownerID = contact.relationshipOwnerID, try await store.read({ try await $0.user(ownerID) }) == nil {
            throw AppError.invalid([FieldError("relationshipOwnerID", "unknown")])
        }
    }

    private func contactDuplicates(_ acting: Acting, _ contact: Contact) async throws -> [DuplicateMatch] {
        let found = try await store.read { try await $0.duplicateContacts(phone: contact.phone, email: contact.email) }
        var matches: [DuplicateMatch] = []
        for other in found {
            guard let parent = try await store.read({ try await $0.customer(other.customerID, scope: .everything) }) else { continue }
            let ownerName = try await parent.ownerID.asyncMap { id in try await store.read { try await $0.user(id) }?.user.displayName }
            var reasons: [DuplicateReason] = []
            if !contact.phone.isEmpty, DuplicateKeys.normalizedPhone(other.phone) == DuplicateKeys.normalizedPhone(contact.phone) {
                reasons.append(.phone)
            }
            if !contact.email.isEmpty, other.email.lowercased() == contact.email.lowercased() { reasons.append(.email) }
            matches.append(DuplicateMatch(customerID: parent.id, customerName: parent.name, contactID: other.id,
                                          ownerID: parent.ownerID, ownerName: ownerName ?? nil, reasons: reasons,
                                          visible: acting.scope.contains(owner: parent.ownerID, team: parent.teamID)))
        }
        return matches
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
