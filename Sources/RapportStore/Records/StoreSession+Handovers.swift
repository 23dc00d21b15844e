import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeHandover(_ row: any SQLRow) throws -> Handover {
        Handover(
            id: try row.id("id"), customerID: try row.id("customer_id"), fromUserID: try row.optionalID("from_user_id"),
            toUserID: try row.id("to_user_id"),
            summary: try StoredJSON.decode(HandoverSummary.self, try row.text("summary"), column: "summary"),
            createdBy: try row.optionalID("created_by"), createdAt: try row.date("created_at"),
            readAt: try row.optionalDate("read_at"))
    }

    func insertHandover(_ h: Handover) async throws {
        try await db.raw("""
            INSERT INTO handovers (id, customer_id, from_user_id, to_user_id, summary, created_by, created_at, read_at)
            VALUES (\(bind: h.id.description), \(bind: h.customerID.description), \(bind: h.fromUserID?.description),
            \(bind: h.toUserID.description), \(bind: try StoredJSON.encode(h.summary)), \(bind: h.createdBy?.description),
            \(bind: StoredTime.encode(h.createdAt)), \(bind: StoredTime.encode(h.readAt)))
            """).run()
    }

    /// One handover whose customer is inside the scope.
    func handover(_ id: HandoverID, scope: AccessScope) async throws -> Handover? {
        try await db.raw("""
            SELECT h.* FROM handovers h JOIN customers c ON c.id = h.customer_id
            WHERE h.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).first().map(Self.decodeHandover)
    }

    /// A customer's handovers, newest first, if the customer is inside the scope.
    func handovers(of customer: CustomerID, scope: AccessScope, limit: Int = 20) async throws -> [Handover] {
        try await db.raw("""
            SELECT h.* FROM handovers h JOIN customers c ON c.id = h.customer_id AND \(Self.scopeClause(scope))
            WHERE h.customer_id = \(bind: customer.description)
            ORDER BY h.created_at DESC, h.id DESC LIMIT \(literal: limit)
            """).all().map(Self.decodeHandover)
    }

    /// Handovers addressed to some users that they have not read, oldest first.
    func unreadHandovers(to users: [UserID], scope: AccessScope, limit: Int) async throws -> [Handover] {
        guard !users.isEmpty else { return [] }
        return try await db.raw("""
            SELECT h.* FROM handovers h JOIN customers c ON c.id = h.customer_id
            WHERE h.to_user_id IN (\(binds: users.map(\.description))) AND h.read_at IS NULL AND c.deleted_at IS NULL
            AND \(Self.scopeClause(scope))
            ORDER BY h.created_at, h.id LIMIT \(literal: limit)
            """).all().map(Self.decodeHandover)
    }

    func markHandoverRead(_ id: HandoverID, at: Date) async throws {
        try await db.raw("""
            UPDATE handovers SET read_at = \(bind: StoredTime.encode(at)) WHERE id = \(bind: id.description) AND read_at IS NULL
            """).run()
    }
}

extension StoreSession {
    /// How many live activities and notes a customer has (for handover summaries).
    func timelineCounts(of customer: CustomerID) async throws -> (activities: Int, notes: Int) {
        let activities = try await db.raw("""
            SELECT COUNT(*) AS n FROM activities WHERE customer_id = \(bind: customer.description) AND deleted_at IS NULL
            """).first().map { try $0.int("n") } ?? 0
        let notes = try await db.raw("""
            SELECT COUNT(*) AS n FROM notes WHERE customer_id = \(bind: customer.description) AND deleted_at IS NULL
            """).first().map { try $0.int("n") } ?? 0
        return (activities, notes)
    }
}

/// The few customer facts an agenda line needs.
public struct CustomerSummary: Sendable, Equatable {
    public var id: CustomerID
    public var name: String
    public var kind: CustomerKind
    public var ownerID: UserID?
}

extension StoreSession {
    /// Names and kinds of some customers inside the scope.
    func customerSummaries(_ ids: [CustomerID], scope: AccessScope) async throws -> [CustomerID: CustomerSummary] {
        guard !ids.isEmpty else { return [:] }
        var found: [CustomerID: CustomerSummary] = [:]
        for row in try await db.raw("""
            SELECT c.id, c.name, c.kind, c.owner_id FROM customers c
            WHERE c.id IN (\(binds: ids.map(\.description))) AND \(Self.scopeClause(scope))
            """).all() {
            let summary = CustomerSummary(id: try row.id("id"), name: try row.text("name"), kind: try row.enumValue("kind"),
                                          ownerID: try row.optionalID("owner_id"))
            found[summary.id] = summary
        }
        return found
    }

    /// Names of some key persons whose customers are inside the scope.
    func contactNames(_ ids: [ContactID], scope: AccessScope) async throws -> [ContactID: String] {
        guard !ids.isEmpty else { return [:] }
        var found: [ContactID: String] = [:]
        for row in try await db.raw("""
            SELECT k.id, k.name FROM contacts k WHERE k.id IN (\(binds: ids.map(\.description)))
            AND EXISTS (SELECT 1 FROM customers c WHERE c.id = k.customer_id AND \(Self.scopeClause(scope)))
            """).all() {
            found[try row.id("id")] = try row.text("name")
        }
        return found
    }
}

extension ScopedSession {
    /// Saves a handover of a visible customer (in the reassignment's transaction).
    public func insertHandover(_ h: Handover) async throws {
        try await requireCustomer(h.customerID, live: true)
        try await raw.insertHandover(h)
    }

    /// One handover whose customer is inside the scope.
    public func handover(_ id: HandoverID) async throws -> Handover? {
        try await raw.handover(id, scope: scope)
    }

    /// A visible customer's handovers, newest first.
    public func handovers(of customer: CustomerID, limit: Int = 20) async throws -> [Handover] {
        try await raw.handovers(of: customer, scope: scope, limit: limit)
    }

    /// Handovers addressed to some users, about visible live customers, not read yet; oldest first.
    public func unreadHandovers(to users: [UserID], limit: Int) async throws -> [Handover] {
        try await raw.unreadHandovers(to: users, scope: scope, limit: limit)
    }

    /// Marks a handover read (it must be reachable through the scope).
    public func markHandoverRead(_ id: HandoverID, at: Date) async throws {
        guard try await handover(id) != nil else { throw StoreError.notFound }
        try await raw.markHandoverRead(id, at: at)
    }

    /// How many live activities and notes a visible customer has (for handover summaries).
    public func timelineCounts(of customer: CustomerID) async throws -> (activities: Int, notes: Int) {
        try await requireCustomer(customer, live: false)
        return try await raw.timelineCounts(of: customer)
    }

    /// Names and kinds of some customers inside the scope.
    public func customerSummaries(_ ids: [CustomerID]) async throws -> [CustomerID: CustomerSummary] {
        try await raw.customerSummaries(ids, scope: scope)
    }

    /// Names of some key persons of customers inside the scope.
    public func contactNames(_ ids: [ContactID]) async throws -> [ContactID: String] {
        try await raw.contactNames(ids, scope: scope)
    }
}
