import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeActivity(_ row: any SQLRow) throws -> Activity {
        Activity(
            id: try row.id("id"), customerID: try row.id("customer_id"), contactID: try row.optionalID("contact_id"),
            userID: try row.id("user_id"), channel: try row.enumValue("channel"), purpose: try row.text("purpose"),
            outcome: try row.text("outcome"), occurredAt: try row.date("occurred_at"),
            custom: try StoredJSON.decode([String: CustomValue].self, try row.text("custom"), column: "custom"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    /// A customer's timeline, newest first, keyset-paginated on (occurred_at, id).
    func activities(of customer: CustomerID, scope: AccessScope, limit: Int, cursor: PageCursor?,
                    deleted: DeletedFilter = .exclude) async throws -> Page<Activity> {
        var sql: SQLQueryString = """
            SELECT a.* FROM activities a JOIN customers c ON c.id = a.customer_id AND \(Self.scopeClause(scope))
            WHERE a.customer_id = \(bind: customer.description)
            """
        switch deleted {
        case .exclude: sql += " AND a.deleted_at IS NULL"
        case .only: sql += " AND a.deleted_at IS NOT NULL"
        case .include: break
        }
        let keyset = NewestFirst(time: "a.occurred_at", id: "a.id", limit: limit)
        if let cursor {
            guard let after = keyset.after(cursor) else { throw StoreError.notFound }
            sql += after
        }
        sql += keyset.order
        return keyset.page(try await db.raw(sql).all().map(Self.decodeActivity), stamp: \.occurredAt, key: \.id.description)
    }

    // MARK: Notes

    static func decodeNote(_ row: any SQLRow) throws -> Note {
        Note(id: try row.id("id"), customerID: try row.id("customer_id"), authorID: try row.id("author_id"),
             body: try row.text("body"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
             deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    /// One page of a customer's live notes, newest first, after `cursor`.
    func notes(of customer: CustomerID, scope: AccessScope, limit: Int, cursor: PageCursor?) async throws -> Page<Note> {
        var sql: SQLQueryString = """
            SELECT n.* FROM notes n JOIN customers c ON c.id = n.customer_id AND \(Self.scopeClause(scope))
            WHERE n.customer_id = \(bind: customer.description) AND n.deleted_at IS NULL
            """
        let keyset = NewestFirst(time: "n.created_at", id: "n.id", limit: limit)
        if let cursor {
            guard let after = keyset.after(cursor) else { throw StoreError.notFound }
            sql += after
        }
        sql += keyset.order
        return keyset.page(try await db.raw(sql).all().map(Self.decodeNote), stamp: \.createdAt, key: \.id.description)
    }

    /// A customer's notes, newest first (at most 500).
    func notes(of customer: CustomerID, scope: AccessScope, deleted: DeletedFilter = .exclude) async throws -> [Note] {
        var sql: SQLQueryString = """
            SELECT n.* FROM notes n JOIN customers c ON c.id = n.customer_id AND \(Self.scopeClause(scope))
            WHERE n.customer_id = \(bind: customer.description)
            """
        switch deleted {
        case .exclude: sql += " AND n.deleted_at IS NULL"
        case .only: sql += " AND n.deleted_at IS NOT NULL"
        case .include: break
        }
        sql += " ORDER BY n.created_at DESC, n.id DESC LIMIT 500"
        return try await db.raw(sql).all().map(Self.decodeNote)
    }
}

extension Activity: StoredRecord {
    public static let table = RecordTable<Activity>(
        "activities", alias: "a",
        columns: [
            .init("id") { $0.id.description }, .init("customer_id") { $0.customerID.description },
            .init("contact_id") { $0.contactID?.description }, .init("user_id") { $0.userID.description },
            .init("channel") { $0.channel.rawValue }, .init("purpose") { $0.purpose }, .init("outcome") { $0.outcome },
            .init("occurred_at") { StoredTime.encode($0.occurredAt) }, .init("custom") { try StoredJSON.encode($0.custom) },
            .init("created_at") { StoredTime.encode($0.createdAt) }, .init("updated_at") { StoredTime.encode($0.updatedAt) },
            .init("deleted_at") { StoredTime.encode($0.deletedAt) }, .init("version") { Int64($0.version) },
        ],
        fixed: ["id", "customer_id", "user_id", "created_at"],
        selectList: "a.*", decode: StoreSession.decodeActivity)
}

extension Note: StoredRecord {
    public static let table = RecordTable<Note>(
        "notes", alias: "n",
        columns: [
            .init("id") { $0.id.description }, .init("customer_id") { $0.customerID.description },
            .init("author_id") { $0.authorID.description }, .init("body") { $0.body },
            .init("created_at") { StoredTime.encode($0.createdAt) }, .init("updated_at") { StoredTime.encode($0.updatedAt) },
            .init("deleted_at") { StoredTime.encode($0.deletedAt) }, .init("version") { Int64($0.version) },
        ],
        fixed: ["id", "customer_id", "author_id", "created_at"],
        selectList: "n.*", decode: StoreSession.decodeNote)
}
