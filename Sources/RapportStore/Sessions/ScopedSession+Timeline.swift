import Foundation
import RapportCore
import SQLKit

/// A visible customer's key persons, activities and notes. Single records by id, inserts and
/// versioned updates go through the generic record path (`record`, `insert`, `update`).
extension ScopedSession {
    /// A customer's key persons in name order (none when the customer is outside the scope).
    public func contacts(of customer: CustomerID, deleted: DeletedFilter = .exclude) async throws -> [Contact] {
        try await raw.contacts(of: customer, scope: scope, deleted: deleted)
    }

    /// A page of key persons across the customers inside the scope, optionally searched by name, phone or email.
    public func contacts(search: String?, limit: Int, cursor: PageCursor?) async throws -> Page<Contact> {
        try await raw.contacts(search: search, scope: scope, limit: limit, cursor: cursor)
    }

    /// Live key persons (of anyone's customers) sharing a phone or email with the given ones, each with
    /// its customer; the customer and the person's id are given only when the customer is inside the scope.
    public func duplicateContacts(phone: String, email: String, excluding: ContactID? = nil) async throws -> [ContactDuplicate] {
        var result: [ContactDuplicate] = []
        for other in try await raw.duplicateContacts(phone: phone, email: email, excluding: excluding) {
            guard let parent = try await raw.customer(other.customerID, scope: .all) else { continue }
            let ownerName = try await parent.ownerID.asyncMap { try await catalog.user($0)?.user.displayName } ?? nil
            let visible = scope.contains(owner: parent.ownerID, team: parent.teamID)
            result.append(ContactDuplicate(contact: visible ? other : nil, phone: other.phone, email: other.email,
                                           customer: DuplicateCandidate(customer: parent, ownerName: ownerName, reasons: [],
                                                                        visible: visible)))
        }
        return result
    }

    /// A customer's timeline, newest first, keyset-paginated on (occurred_at, id).
    public func activities(of customer: CustomerID, limit: Int, cursor: PageCursor?,
                           deleted: DeletedFilter = .exclude) async throws -> Page<Activity> {
        try await raw.activities(of: customer, scope: scope, limit: limit, cursor: cursor, deleted: deleted)
    }

    /// One page of a customer's live notes, newest first.
    public func notes(of customer: CustomerID, limit: Int, cursor: PageCursor?) async throws -> Page<Note> {
        try await raw.notes(of: customer, scope: scope, limit: limit, cursor: cursor)
    }

    /// A customer's notes, newest first (at most 500).
    public func notes(of customer: CustomerID, deleted: DeletedFilter = .exclude) async throws -> [Note] {
        try await raw.notes(of: customer, scope: scope, deleted: deleted)
    }
}

/// A key person whose phone or email matches one being entered, as the viewer may learn of it.
public struct ContactDuplicate: Sendable {
    /// The key person, when their customer is inside the viewer's scope.
    public let contact: Contact?
    public let phone: String
    public let email: String
    public let customer: DuplicateCandidate
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
