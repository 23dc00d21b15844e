import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static let commitmentColumns = """
        m.id, m.customer_id, m.contact_id, m.owner_id, m.title, m.details, m.due_on, m.state, m.evidence, m.created_by,
        m.created_at, m.updated_at, m.closed_at, m.escalated_at, m.deleted_at, m.version
        """

    static func decodeCommitment(_ row: any SQLRow) throws -> Commitment {
        Commitment(
            id: try row.id("id"), customerID: try row.id("customer_id"), contactID: try row.optionalID("contact_id"),
            ownerID: try row.id("owner_id"), title: try row.text("title"), details: try row.text("details"),
            dueOn: try row.calendarDate("due_on"), state: try row.enumValue("state"), evidence: try row.text("evidence"),
            createdBy: try row.id("created_by"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            closedAt: try row.optionalDate("closed_at"), escalatedAt: try row.optionalDate("escalated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    public func insertCommitment(_ m: Commitment) async throws {
        try await db.raw("""
            INSERT INTO commitments (id, customer_id, contact_id, owner_id, title, details, due_on, state, evidence,
            created_by, created_at, updated_at, closed_at, escalated_at, deleted_at, version) VALUES (
            \(bind: m.id.description), \(bind: m.customerID.description), \(bind: m.contactID?.description),
            \(bind: m.ownerID.description), \(bind: m.title), \(bind: m.details), \(bind: m.dueOn.description),
            \(bind: m.state.rawValue), \(bind: m.evidence), \(bind: m.createdBy.description),
            \(bind: StoredTime.encode(m.createdAt)), \(bind: StoredTime.encode(m.updatedAt)),
            \(bind: StoredTime.encode(m.closedAt)), \(bind: StoredTime.encode(m.escalatedAt)),
            \(bind: StoredTime.encode(m.deletedAt)), \(bind: Int64(m.version)))
            """).run()
    }

    public func updateCommitment(_ m: Commitment, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE commitments SET contact_id = \(bind: m.contactID?.description), owner_id = \(bind: m.ownerID.description),
            title = \(bind: m.title), details = \(bind: m.details), due_on = \(bind: m.dueOn.description),
            state = \(bind: m.state.rawValue), evidence = \(bind: m.evidence),
            updated_at = \(bind: StoredTime.encode(m.updatedAt)), closed_at = \(bind: StoredTime.encode(m.closedAt)),
            escalated_at = \(bind: StoredTime.encode(m.escalatedAt)), deleted_at = \(bind: StoredTime.encode(m.deletedAt)),
            version = \(bind: Int64(m.version))
            WHERE id = \(bind: m.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "commitments", id: m.id.description) }
    }

    /// One promise whose customer is inside the scope (deleted ones included, for restore).
    public func commitment(_ id: CommitmentID, scope: AccessScope) async throws -> Commitment? {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.commitmentColumns) FROM commitments m JOIN customers c ON c.id = m.customer_id
            WHERE m.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).first().map(Self.decodeCommitment)
    }

    /// A customer's live promises: open ones first by due date, then the closed ones, newest first.
    public func commitments(of customer: CustomerID, limit: Int = 200) async throws -> [Commitment] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.commitmentColumns) FROM commitments m
            WHERE m.customer_id = \(bind: customer.description) AND m.deleted_at IS NULL
            ORDER BY CASE WHEN m.state = 'open' THEN 0 WHEN m.state = 'broken' THEN 1 ELSE 2 END,
            CASE WHEN m.state = 'open' THEN m.due_on ELSE '' END, m.updated_at DESC, m.id LIMIT \(literal: limit)
            """).all().map(Self.decodeCommitment)
    }

    /// Promises inside the scope, filtered; ordered by due date then id, keyset-paged on both.
    public func commitments(_ filter: CommitmentFilter, scope: AccessScope, limit: Int,
                            cursor: PageCursor?) async throws -> Page<Commitment> {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.commitmentColumns) FROM commitments m JOIN customers c ON c.id = m.customer_id
            WHERE m.deleted_at IS NULL AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """
        if let owner = filter.ownerID { sql += " AND m.owner_id = \(bind: owner.description)" }
        if let state = filter.state { sql += " AND m.state = \(bind: state.rawValue)" }
        if let customer = filter.customerID { sql += " AND m.customer_id = \(bind: customer.description)" }
        if let before = filter.dueBefore { sql += " AND m.due_on < \(bind: before.description)" }
        if let through = filter.dueOnOrBefore { sql += " AND m.due_on <= \(bind: through.description)" }
        if let cursor {
            sql += " AND (m.due_on > \(bind: cursor.value) OR (m.due_on = \(bind: cursor.value) AND m.id > \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY m.due_on, m.id LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map(Self.decodeCommitment)
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last { next = PageCursor(value: last.dueOn.description, id: last.id.description).token }
        }
        return Page(items: items, nextCursor: next)
    }

    /// Open promises due before `today` that were not yet escalated, oldest first (the escalation job's input).
    public func unescalatedOverdueCommitments(before today: CalendarDate, limit: Int) async throws -> [Commitment] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.commitmentColumns) FROM commitments m
            WHERE m.state = 'open' AND m.due_on < \(bind: today.description) AND m.escalated_at IS NULL
            AND m.deleted_at IS NULL ORDER BY m.due_on, m.id LIMIT \(literal: limit)
            """).all().map(Self.decodeCommitment)
    }

    /// Marks a promise escalated unless another process already did; `true` when this call won.
    public func markEscalated(_ id: CommitmentID, at: Date) async throws -> Bool {
        let rows = try await db.raw("""
            UPDATE commitments SET escalated_at = \(bind: StoredTime.encode(at))
            WHERE id = \(bind: id.description) AND escalated_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Moves a customer's open promises from one owner to another (on reassignment); returns how many.
    public func transferOpenCommitments(of customer: CustomerID, from: UserID, to: UserID, at: Date) async throws -> Int {
        try await db.raw("""
            UPDATE commitments SET owner_id = \(bind: to.description), updated_at = \(bind: StoredTime.encode(at)),
            version = version + 1
            WHERE customer_id = \(bind: customer.description) AND owner_id = \(bind: from.description)
            AND state = 'open' AND deleted_at IS NULL RETURNING id
            """).all().count
    }
}
