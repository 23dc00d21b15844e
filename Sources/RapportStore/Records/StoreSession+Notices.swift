import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeNotice(_ row: any SQLRow) throws -> Notice {
        Notice(
            id: try row.id("id"), recipientID: try row.id("recipient_id"), kind: try row.enumValue("kind"),
            subjectID: try row.text("subject_id"), customerID: try row.optionalID("customer_id"),
            payload: try StoredJSON.decode([String: String].self, try row.text("payload"), column: "payload"),
            createdAt: try row.date("created_at"), readAt: try row.optionalDate("read_at"))
    }

    /// Writes a notice unless the recipient already has one of this kind about this subject;
    /// `true` when written. Safe when several processes race.
    @discardableResult
    func insertNotice(_ n: Notice) async throws -> Bool {
        let rows = try await db.raw("""
            INSERT INTO notifications (id, recipient_id, kind, subject_id, customer_id, payload, created_at, read_at)
            VALUES (\(bind: n.id.description), \(bind: n.recipientID.description), \(bind: n.kind.rawValue),
            \(bind: n.subjectID), \(bind: n.customerID?.description), \(bind: try StoredJSON.encode(n.payload)),
            \(bind: StoredTime.encode(n.createdAt)), \(bind: StoredTime.encode(n.readAt)))
            ON CONFLICT (recipient_id, kind, subject_id) DO NOTHING RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// A user's notices, newest first, keyset-paged on (created_at, id).
    func notices(for user: UserID, unreadOnly: Bool, limit: Int, cursor: PageCursor?) async throws -> Page<Notice> {
        var sql: SQLQueryString = "SELECT * FROM notifications WHERE recipient_id = \(bind: user.description)"
        if unreadOnly { sql += " AND read_at IS NULL" }
        let keyset = NewestFirst(time: "created_at", id: "id", limit: limit)
        if let cursor, let after = keyset.after(cursor) { sql += after }
        sql += keyset.order
        return keyset.page(try await db.raw(sql).all().map(Self.decodeNotice), stamp: \.createdAt, key: \.id.description)
    }

    func unreadNoticeCount(for user: UserID) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM notifications WHERE recipient_id = \(bind: user.description) AND read_at IS NULL
            """).first().map { try $0.int("n") } ?? 0
    }

    /// Marks one notice (or, with `nil`, all of a user's notices) read.
    /// Marks the user's unread notices (or the one `id`) read; `false` when `id` is not one of
    /// the user's notices.
    func markNoticesRead(for user: UserID, id: NoticeID?, at: Date) async throws -> Bool {
        if let id {
            let mine = try await db.raw("""
                SELECT 1 AS found FROM notifications WHERE id = \(bind: id.description) AND recipient_id = \(bind: user.description)
                """).first()
            guard mine != nil else { return false }
        }
        var sql: SQLQueryString = """
            UPDATE notifications SET read_at = \(bind: StoredTime.encode(at))
            WHERE recipient_id = \(bind: user.description) AND read_at IS NULL
            """
        if let id { sql += " AND id = \(bind: id.description)" }
        try await db.raw(sql).run()
        return true
    }
}

/// Notices go from use cases and jobs to a user's inbox; each user reads only their own.
extension CatalogSession {
    /// Writes a notice unless the recipient already has one of this kind about this subject;
    /// `true` when written. Safe when several processes race.
    @discardableResult
    public func insertNotice(_ n: Notice) async throws -> Bool {
        try await raw.insertNotice(n)
    }

    /// Writes many notices in multi-row statements; a notice already given is skipped. Returns how many were new.
    public func insertNotices(_ notices: [Notice]) async throws -> Int {
        try await raw.insertNotices(notices)
    }
}

extension ScopedSession {
    /// The acting user's notices, newest first, keyset-paged on (created_at, id).
    public func myNotices(unreadOnly: Bool, limit: Int, cursor: PageCursor?) async throws -> Page<Notice> {
        guard let actorID else { return Page(items: [], nextCursor: nil) }
        return try await raw.notices(for: actorID, unreadOnly: unreadOnly, limit: limit, cursor: cursor)
    }

    /// How many of the acting user's notices are unread.
    public func myUnreadNoticeCount() async throws -> Int {
        guard let actorID else { return 0 }
        return try await raw.unreadNoticeCount(for: actorID)
    }

    /// Marks one of the acting user's notices (or, with `nil`, all of them) read.
    /// `false` when `id` is not one of the acting user's notices.
    public func markMyNoticesRead(id: NoticeID?, at: Date) async throws -> Bool {
        guard let actorID else { return false }
        return try await raw.markNoticesRead(for: actorID, id: id, at: at)
    }
}
