import Foundation
import RapportCore
import SQLKit

/// The generic record path for a customer's records: found only through the scope, written only
/// after the scope, the customer's liveness and every reference were checked in the same transaction.
extension ScopedSession {
    /// One of a visible customer's records by id (deleted ones too, so they can be restored).
    public func record<R: StoredRecord & CustomerOwnedRecord>(_ type: R.Type, _ id: Identifier<R>) async throws -> R? {
        let table = R.table
        guard let found = try await db.raw("""
            SELECT \(unsafeRaw: table.selectList) FROM \(ident: table.name) \(unsafeRaw: table.alias)
            \(visibleCustomerJoin(table.alias)) WHERE \(unsafeRaw: table.alias).id = \(bind: id.description)
            """).first().map(table.decode) else { return nil }
        return try await table.complete?(raw, found) ?? found
    }

    /// Inserts a new record of a visible, live customer after checking what it points at.
    public func insert<R: StoredRecord & CustomerOwnedRecord>(_ record: R) async throws {
        _ = try await requireCustomer(record.customerID, live: true)
        try await check(record.references, customer: record.customerID)
        try await raw.insert(record)
        try await keepLastTouch(record)
    }

    /// An activity's write moves its customer's `last_touch_at` (the list's last-touch column).
    private func keepLastTouch<R: StoredRecord & CustomerOwnedRecord>(_ record: R) async throws {
        guard let activity = record as? Activity else { return }
        try await raw.refreshLastTouch(activity.customerID, now: activity.updatedAt)
    }

    /// Saves a changed record if its stored version is still `expectedVersion`. The record must be
    /// reachable through the scope as stored (its customer may not change), the customer must be live
    /// unless the record is being deleted, and every reference the change adds is checked.
    public func update<R: StoredRecord & CustomerOwnedRecord>(_ record: R, expectedVersion: Int) async throws {
        guard let id = Identifier<R>(record.recordID), let stored = try await self.record(R.self, id),
              stored.customerID == record.customerID else { throw StoreError.notFound }
        _ = try await requireCustomer(record.customerID, live: record.deletedAt == nil)
        let added = record.references.filter { !stored.references.contains($0) }
        try await check(added, customer: record.customerID)
        try await raw.update(record, expectedVersion: expectedVersion, customer: record.customerID)
        try await keepLastTouch(record)
    }

    /// The customer if it is inside the scope (`notFound` otherwise, as for one that does not
    /// exist); with `live`, a deleted customer is refused with `parentDeleted`.
    @discardableResult
    public func requireCustomer(_ id: CustomerID, live: Bool) async throws -> Customer {
        guard let found = try await customer(id) else { throw StoreError.notFound }
        if live, found.deletedAt != nil { throw StoreError.parentDeleted }
        return found
    }

    /// Checks each id a record of `customer` points at: key persons, deals, orders, instalments and
    /// subscriptions must be live records of the same customer; a customer must be visible and live;
    /// a user active; a product or stage must exist and not be deleted. The first failure is
    /// `invalidReference` naming the field.
    public func check(_ references: [RecordReference], customer: CustomerID) async throws {
        for reference in references {
            let found: Bool
            let own = customer.description
            switch reference {
            case .contact(let id, _): found = try await exists("contacts", id.description, customer: own)
            case .deal(let id, _): found = try await exists("deals", id.description, customer: own)
            case .order(let id, _): found = try await exists("orders", id.description, customer: own)
            case .subscription(let id, _): found = try await exists("subscriptions", id.description, customer: own)
            case .instalment(let id, _):
                found = try await db.raw("""
                    SELECT 1 AS x FROM payment_instalments WHERE id = \(bind: id.description) AND customer_id = \(bind: own)
                    """).first() != nil
            case .customer(let id, _):
                found = try await db.raw("""
                    SELECT 1 AS x FROM customers c WHERE c.id = \(bind: id.description) AND c.deleted_at IS NULL AND \(visible())
                    """).first() != nil
            case .user(let id, _):
                found = try await db.raw("SELECT 1 AS x FROM users WHERE id = \(bind: id.description) AND disabled = 0").first() != nil
            case .product(let id, _):
                found = try await db.raw("SELECT 1 AS x FROM products WHERE id = \(bind: id.description) AND deleted_at IS NULL").first() != nil
            case .stage(let id, _):
                found = try await db.raw("SELECT 1 AS x FROM deal_stages WHERE id = \(bind: id.description) AND deleted_at IS NULL").first() != nil
            }
            if !found { throw StoreError.invalidReference(field: reference.field) }
        }
    }

    private func exists(_ table: String, _ id: String, customer: String) async throws -> Bool {
        try await db.raw("""
            SELECT 1 AS x FROM \(ident: table) WHERE id = \(bind: id) AND customer_id = \(bind: customer) AND deleted_at IS NULL
            """).first() != nil
    }
}

/// A record the generic change path can find and save through a user's session: a customer, or any
/// record of a customer.
public protocol ScopedRecord: SoftDeletableRecord {
    /// The record by id, if the session's scope reaches it (deleted ones too).
    static func find(_ id: Identifier<Self>, in session: ScopedSession) async throws -> Self?
    /// Saves a changed record if its stored version is still `expectedVersion` (scope and references checked).
    static func save(_ record: Self, expectedVersion: Int, in session: ScopedSession) async throws
}

extension ScopedRecord where Self: StoredRecord & CustomerOwnedRecord {
    public static func find(_ id: Identifier<Self>, in session: ScopedSession) async throws -> Self? {
        try await session.record(Self.self, id)
    }

    public static func save(_ record: Self, expectedVersion: Int, in session: ScopedSession) async throws {
        try await session.update(record, expectedVersion: expectedVersion)
    }
}

extension Customer: ScopedRecord {
    public static func find(_ id: CustomerID, in session: ScopedSession) async throws -> Customer? {
        try await session.customer(id)
    }

    public static func save(_ record: Customer, expectedVersion: Int, in session: ScopedSession) async throws {
        try await session.updateCustomer(record, expectedVersion: expectedVersion)
    }
}

extension Contact: ScopedRecord {}
extension Activity: ScopedRecord {}
extension Note: ScopedRecord {}
