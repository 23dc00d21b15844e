import Foundation
import RapportCore
import SQLKit

/// Customers as the viewer may see them.
extension ScopedSession {
    /// One customer inside the scope (deleted ones too, so they can be restored), or `nil`.
    public func customer(_ id: CustomerID) async throws -> Customer? {
        try await raw.customer(id, scope: scope)
    }

    /// The live customers inside the scope whose normalised name (`DuplicateKeys.normalizedName`)
    /// is one of `nameKeys`, by that key: how an import finds the customers its rows name, in one
    /// query per 500 names instead of a search per row.
    public func liveCustomers(nameKeys: [String]) async throws -> [String: [CustomerID]] {
        try await raw.liveCustomers(nameKeys: nameKeys, scope: scope)
    }

    /// Which of the given customers are live and inside the scope.
    public func liveCustomerIDs(_ ids: [CustomerID]) async throws -> Set<CustomerID> {
        try await raw.liveCustomerIDs(ids, scope: scope)
    }

    /// Which of the given phone and email keys (`p:`/`e:`-prefixed, normalised as `DuplicateKeys`
    /// does) live key persons already use, whatever their customer: only whether a row needs the
    /// full duplicate check (`duplicateContacts`), which decides what the user may see.
    public func contactKeysInUse(phones: [String], emails: [String]) async throws -> Set<String> {
        try await raw.contactKeysInUse(phones: phones, emails: emails)
    }

    /// Inserts new key persons in bulk (imports). Every customer must be live and inside the scope
    /// (`notFound` otherwise) and no person may point at another record (reports-to and relationship
    /// owner are set afterwards, with their checks); the caller has checked duplicates.
    public func insertContacts(_ contacts: [Contact]) async throws {
        let customers = Array(Set(contacts.map(\.customerID)))
        guard try await raw.liveCustomerIDs(customers, scope: scope).count == customers.count else { throw StoreError.notFound }
        if let pointing = contacts.first(where: { !$0.references.isEmpty }), let reference = pointing.references.first {
            throw StoreError.invalidReference(field: reference.field)
        }
        try await raw.insertContacts(contacts)
    }

    /// Names of the given customers that are inside the scope, by id.
    public func customerNames(_ ids: [CustomerID]) async throws -> [CustomerID: String] {
        try await raw.customerNames(ids, scope: scope)
    }

    /// Recomputes a visible customer's kept last touch (after its activities moved in a merge).
    public func refreshLastTouch(_ customer: CustomerID, now: Date) async throws {
        _ = try await requireCustomer(customer, live: false)
        try await raw.refreshLastTouch(customer, now: now)
    }

    /// Stage, main key person and last touch of the given customers inside the scope.
    public func customerListFacts(_ ids: [CustomerID]) async throws -> [CustomerID: CustomerListFacts] {
        try await raw.customerListFacts(ids, scope: scope)
    }

    /// A page of the customer list: the customers `customers(_:)` answers, as list lines.
    public func customerListLines(_ query: CustomerQuery) async throws -> Page<CustomerListLine> {
        try await raw.customerListLines(query, scope: scope)
    }

    /// A page of the customers inside the scope that match the query.
    public func customers(_ query: CustomerQuery) async throws -> Page<Customer> {
        try await raw.customers(query, scope: scope)
    }

    /// How many customers inside the scope match the filters (cursor and limit ignored).
    public func customerCount(_ query: CustomerQuery, cap: Int? = nil) async throws -> Int {
        try await raw.customerCount(query, cap: cap, scope: scope)
    }

    /// Inserts a new customer. It must be owned by someone inside the scope, or by no one (the pool).
    public func insertCustomer(_ customer: Customer) async throws {
        try await checkOwner(of: customer)
        try await raw.insertCustomer(customer)
    }

    /// Runs prepared inserts of new customers (imports), after checking that every distinct owner
    /// of `batch` (the customers the statements were prepared from) is inside the scope.
    public func insertCustomers(_ prepared: PreparedInserts, batch: [Customer]) async throws {
        var checked = Set<String>()
        for customer in batch where checked.insert("\(customer.ownerID?.description ?? "")|\(customer.teamID?.description ?? "")").inserted {
            try await checkOwner(of: customer)
        }
        try await raw.run(prepared)
    }

    /// Saves a changed customer if its stored version is still `expectedVersion` and, as stored, it
    /// is inside the scope (a reassignment moves it out: the row as it was decides). A new owner must
    /// be an active user inside the scope; giving it back to no one (the pool) is always possible.
    public func updateCustomer(_ customer: Customer, expectedVersion: Int) async throws {
        guard let stored = try await self.customer(customer.id) else { throw StoreError.notFound }
        if customer.ownerID != stored.ownerID || customer.teamID != stored.teamID { try await checkOwner(of: customer) }
        try await raw.updateCustomer(customer, expectedVersion: expectedVersion,
                                     guardClause: StoreSession.scopeClause(scope, alias: "customers"))
    }

    /// Which of the given duplicate keys already belong to live customers (anyone's), as
    /// `n:`/`p:`/`e:`/`r:`-prefixed keys: an import learns only that a key is taken, nothing of the customer.
    public func existingDuplicateKeys(_ keys: [DuplicateKeys]) async throws -> Set<String> {
        try await raw.existingDuplicateKeys(keys)
    }

    /// Live customers (anyone's) that share a duplicate key with the given one. Customers outside the
    /// scope come without their ids: the caller learns the name, the owner's name and why they match.
    public func duplicateCustomers(of keys: DuplicateKeys, excluding: CustomerID? = nil,
                                   limit: Int = 10) async throws -> [DuplicateCandidate] {
        let found = try await raw.duplicateCustomers(of: keys, excluding: excluding, limit: limit)
        var ownerNames: [UserID: String] = [:]
        for owner in Set(found.compactMap(\.0.ownerID)) { ownerNames[owner] = try await catalog.user(owner)?.user.displayName }
        return found.map { customer, reasons in
            DuplicateCandidate(customer: customer, ownerName: customer.ownerID.flatMap { ownerNames[$0] }, reasons: reasons,
                               visible: scope.contains(owner: customer.ownerID, team: customer.teamID))
        }
    }

    private func checkOwner(of customer: Customer) async throws {
        guard let owner = customer.ownerID else { return }
        guard scope.contains(owner: owner, team: customer.teamID) else { throw StoreError.invalidReference(field: "ownerID") }
        try await check([.user(owner, field: "ownerID")], customer: customer.id)
    }
}

/// A customer that looks like one being entered, as the viewer may learn of it: the record itself
/// only when it is inside the viewer's scope.
public struct DuplicateCandidate: Sendable {
    /// The customer when visible to the viewer.
    public let visibleCustomer: Customer?
    public let name: String
    public let ownerName: String?
    public let reasons: [DuplicateReason]

    init(customer: Customer, ownerName: String?, reasons: [DuplicateReason], visible: Bool) {
        self.visibleCustomer = visible ? customer : nil
        self.name = customer.name
        self.ownerName = ownerName
        self.reasons = reasons
    }
}
