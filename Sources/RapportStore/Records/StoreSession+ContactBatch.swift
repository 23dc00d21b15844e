import Foundation
import RapportCore
import SQLKit

/// Writing many key persons at once (imports): multi-row inserts and one search-document refresh
/// per batch, instead of an insert and a refresh per person.
extension StoreSession {
    /// Which of the given phone and email keys (`p:`/`e:`-prefixed, as `DuplicateKeys` normalises
    /// them) live key persons of any customer already use.
    func contactKeysInUse(phones: [String], emails: [String]) async throws -> Set<String> {
        var found = Set<String>()
        for (prefix, column, values) in [("p", "phone_key", phones), ("e", "email_key", emails)] {
            for chunk in Array(Set(values.filter { !$0.isEmpty })).batches(of: 500) {
                for row in try await db.raw("""
                    SELECT DISTINCT \(ident: column) AS k FROM contacts WHERE deleted_at IS NULL AND \(ident: column) IN (\(binds: Array(chunk)))
                    """).all() {
                    found.insert(prefix + ":" + (try row.text("k")))
                }
            }
        }
        return found
    }

    /// Inserts new key persons with multi-row statements, then refreshes their customers' search
    /// documents once each. The caller has checked the customers and the duplicates.
    func insertContacts(_ contacts: [Contact]) async throws {
        let columns = Contact.table.columns
        for chunk in contacts.batches(of: 200) {
            var sql: SQLQueryString = "INSERT INTO contacts ("
            sql += SQLQueryString(columns.map(\.name).joined(separator: ", "))
            sql += ") VALUES "
            sql += try chunk.map { contact -> SQLQueryString in
                var row: SQLQueryString = "("
                for (index, column) in columns.enumerated() {
                    if index > 0 { row += ", " }
                    row += "\(bind: try column.value(contact))"
                }
                return row + ")"
            }.joined(separator: ", ")
            try await db.raw(sql).run()
        }
        try await refreshSearch(Array(Set(contacts.map(\.customerID))))
    }

    /// `refreshSearch` for many customers: two reads, one update and (on SQLite) one gram-index
    /// replacement per 500 customers.
    func refreshSearch(_ ids: [CustomerID]) async throws {
        for batch in ids.batches(of: 500) {
            let chunk = batch.map(\.description)
            var values: [String: [String]] = [:]
            var order: [String] = []
            for row in try await db.raw("SELECT id, name, phone, email FROM customers WHERE id IN (\(binds: chunk))").all() {
                let id = try row.text("id")
                order.append(id)
                values[id] = [try row.text("name"), try row.text("phone"), try row.text("email")]
            }
            for row in try await db.raw("""
                SELECT customer_id, name, phone, email FROM contacts WHERE customer_id IN (\(binds: chunk)) AND deleted_at IS NULL
                """).all() {
                values[try row.text("customer_id"), default: []] += [try row.text("name"), try row.text("phone"), try row.text("email")]
            }
            guard !order.isEmpty else { continue }
            let documents = order.map { ($0, SearchText.documents(for: values[$0] ?? [])) }
            var update: SQLQueryString = "UPDATE customers SET search_text = CASE id"
            for (id, document) in documents { update += " WHEN \(bind: id) THEN \(bind: document.plain)" }
            update += " END WHERE id IN (\(binds: order))"
            try await db.raw(update).run()
            guard kind == .sqlite else { continue }
            try await db.raw("""
                DELETE FROM customer_search WHERE rowid IN (SELECT rowid FROM customers WHERE id IN (\(binds: order)))
                """).run()
            var insert: SQLQueryString = "INSERT INTO customer_search (rowid, grams) SELECT c.rowid, v.column2 FROM (VALUES "
            insert += documents.map { id, document -> SQLQueryString in "(\(bind: id), \(bind: document.grams))" }.joined(separator: ", ")
            insert += ") AS v JOIN customers c ON c.id = v.column1"
            try await db.raw(insert).run()
        }
    }
}
