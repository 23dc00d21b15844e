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

    /// A customer's live promises: open ones first by due date, then the closed ones, newest first.
    func commitments(of customer: CustomerID, scope: AccessScope, limit: Int = 200) async throws -> [Commitment] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.commitmentColumns) FROM commitments m JOIN customers c ON c.id = m.customer_id
            AND \(Self.scopeClause(scope)) WHERE m.customer_id = \(bind: customer.description) AND m.deleted_at IS NULL
            ORDER BY CASE WHEN m.state = 'open' THEN 0 WHEN m.state = 'broken' THEN 1 ELSE 2 END,
            CASE WHEN m.state = 'open' THEN m.due_on ELSE '' END, m.updated_at DESC, m.id LIMIT \(literal: limit)
            """).all().map(Self.decodeCommitment)
    }

    /// Promises inside the scope, filtered; ordered by due date then id, keyset-paged on both.
    func commitments(_ filter: CommitmentFilter, scope: AccessScope, limit: Int,
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

}

extension SystemSession {
    /// Open promises due before `today` that were not yet escalated, oldest first (the escalation job's input).
    public func unescalatedOverdueCommitments(before today: CalendarDate, limit: Int) async throws -> [Commitment] {
        try await db.raw("""
            SELECT \(unsafeRaw: StoreSession.commitmentColumns) FROM commitments m
            WHERE m.state = 'open' AND m.due_on < \(bind: today.description) AND m.escalated_at IS NULL
            AND m.deleted_at IS NULL ORDER BY m.due_on, m.id LIMIT \(literal: limit)
            """).all().map(StoreSession.decodeCommitment)
    }

    /// Marks a promise escalated unless another process already did; `true` when this call won.
    public func markEscalated(_ id: CommitmentID, at: Date) async throws -> Bool {
        let rows = try await db.raw("""
            UPDATE commitments SET escalated_at = \(bind: StoredTime.encode(at))
            WHERE id = \(bind: id.description) AND escalated_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }
}

extension ScopedSession {
    /// Moves a visible customer's open promises from one owner to another (on reassignment); returns how many.
    public func transferOpenCommitments(of customer: CustomerID, from: UserID, to: UserID, at: Date) async throws -> Int {
        try await requireCustomer(customer, live: false)
        return try await db.raw("""
            UPDATE commitments SET owner_id = \(bind: to.description), updated_at = \(bind: StoredTime.encode(at)),
            version = version + 1
            WHERE customer_id = \(bind: customer.description) AND owner_id = \(bind: from.description)
            AND state = 'open' AND deleted_at IS NULL RETURNING id
            """).all().count
    }
}

extension ScopedSession {
    /// A visible customer's live promises: open ones first by due date, then the closed ones, newest first.
    public func commitments(of customer: CustomerID, limit: Int = 200) async throws -> [Commitment] {
        try await raw.commitments(of: customer, scope: scope, limit: limit)
    }

    /// Promises of the customers inside the scope, filtered; ordered by due date then id, keyset-paged on both.
    public func commitments(_ filter: CommitmentFilter, limit: Int, cursor: PageCursor?) async throws -> Page<Commitment> {
        try await raw.commitments(filter, scope: scope, limit: limit, cursor: cursor)
    }
}

extension Commitment: StoredRecord, ScopedRecord {
    public static let table = RecordTable<Commitment>(
        "commitments", alias: "m",
        columns: [
            .init("id") { $0.id.description }, .init("customer_id") { $0.customerID.description },
            .init("contact_id") { $0.contactID?.description }, .init("owner_id") { $0.ownerID.description },
            .init("title") { $0.title }, .init("details") { $0.details }, .init("due_on") { $0.dueOn.description },
            .init("state") { $0.state.rawValue }, .init("evidence") { $0.evidence }, .init("created_by") { $0.createdBy.description },
            .init("created_at") { StoredTime.encode($0.createdAt) }, .init("updated_at") { StoredTime.encode($0.updatedAt) },
            .init("closed_at") { StoredTime.encode($0.closedAt) }, .init("escalated_at") { StoredTime.encode($0.escalatedAt) },
            .init("deleted_at") { StoredTime.encode($0.deletedAt) }, .init("version") { Int64($0.version) },
        ],
        fixed: ["id", "customer_id", "created_by", "created_at"],
        selectList: StoreSession.commitmentColumns, decode: StoreSession.decodeCommitment)
}
