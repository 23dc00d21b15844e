import SQLKit
import RapportCore

extension Migrations {
    /// Pinyin order and pinyin search (issue 11).
    ///
    /// `customers.name_sort` holds `Pinyin.sortKey(name)` ("a li ba ba"), written with every name;
    /// the list's name order and its keyset cursor use it, so Chinese names sort by pinyin on both
    /// engines (byte order of mostly ASCII keys) instead of by code point (上海… before 北京…). The
    /// five indexes that served name order are rebuilt on it. The backfill fills the column and
    /// rebuilds every search document, which now carries full pinyin and initials.
    static let pinyin = Migration(7, "pinyin", both: [
        "ALTER TABLE customers ADD COLUMN name_sort TEXT NOT NULL DEFAULT ''",
        "DROP INDEX customers_name",
        "DROP INDEX customers_owner_name",
        "DROP INDEX customers_team_name",
        "DROP INDEX customers_owner_status",
        "DROP INDEX customers_team_status",
        "CREATE INDEX customers_name ON customers (name_sort, id)",
        "CREATE INDEX customers_owner_name ON customers (owner_id, name_sort, id)",
        "CREATE INDEX customers_team_name ON customers (team_id, name_sort, id)",
        "CREATE INDEX customers_owner_status ON customers (owner_id, status, name_sort, id)",
        "CREATE INDEX customers_team_status ON customers (team_id, status, name_sort, id)",
    ], backfill: { session in
        try await session.backfillPinyin()
    })
}

extension StoreSession {
    /// Every customer's sort key and search document, a thousand at a time in id order.
    func backfillPinyin() async throws {
        var after = ""
        while true {
            let rows = try await db.raw("""
                SELECT id, name, phone, email FROM customers WHERE id > \(bind: after) ORDER BY id LIMIT 1000
                """).all()
            guard let last = rows.last else { return }
            after = try last.text("id")
            let ids = try rows.map { try $0.text("id") }
            var contacts: [String: [String]] = [:]
            for contact in try await db.raw("""
                SELECT customer_id, name, phone, email FROM contacts WHERE customer_id IN (\(binds: ids)) AND deleted_at IS NULL
                """).all() {
                contacts[try contact.text("customer_id"), default: []] += [try contact.text("name"), try contact.text("phone"),
                                                                         try contact.text("email")]
            }
            for row in rows {
                let id = try row.text("id")
                let name = try row.text("name")
                let documents = SearchText.documents(for: [name, try row.text("phone"), try row.text("email")] + (contacts[id] ?? []))
                try await db.raw("""
                    UPDATE customers SET name_sort = \(bind: Pinyin.sortKey(name)), search_text = \(bind: documents.plain)
                    WHERE id = \(bind: id)
                    """).run()
                if kind == .sqlite {
                    try await db.raw("DELETE FROM customer_search WHERE rowid = (SELECT rowid FROM customers WHERE id = \(bind: id))").run()
                    try await db.raw("""
                        INSERT INTO customer_search (rowid, grams) SELECT rowid, \(bind: documents.grams) FROM customers WHERE id = \(bind: id)
                        """).run()
                }
            }
        }
    }
}
