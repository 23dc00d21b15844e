import Foundation
@testable import RapportStore
import RapportTestSupport
import SQLKit
import Testing

/// A merge moves every row that points at the merged customer or key person. The schema is read
/// from the database itself, so a new table with a customer or contact column fails here until
/// merge (and its undo, which replays the same list) declares what happens to it.
@Suite struct MergeCoverageTests {
    /// `table.column` of every column in the migrated schema.
    static func allColumns(_ store: Store) async throws -> Set<String> {
        let kind = store.engine.kind
        let columns: [(String, String)] = try await store.engine.read { db in
            var found: [(String, String)] = []
            if kind == .postgres {
                for row in try await db.raw("""
                    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
                    """).all() {
                    found.append((try row.decode(column: "table_name", as: String.self), try row.decode(column: "column_name", as: String.self)))
                }
            } else {
                let tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                for table in tables {
                    let name = try table.decode(column: "name", as: String.self)
                    for column in try await db.raw("SELECT name FROM pragma_table_info(\(bind: name))").all() {
                        found.append((name, try column.decode(column: "name", as: String.self)))
                    }
                }
            }
            return found
        }
        return Set(columns.map { "\($0).\($1)" })
    }

    /// The columns that name a customer or key person by their name.
    static func referencing(_ all: Set<String>) -> Set<String> {
        all.filter { name in
            let column = name.split(separator: ".").last ?? ""
            return column.hasSuffix("customer_id") || column.hasSuffix("contact_id") || column == "subject_id" || column == "reports_to_id"
        }
    }

    @Test(arguments: TestEngine.available)
    func everyColumnNamingACustomerOrContact_isMovedByMerge_orDeclaredApart(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let all = try await Self.allColumns(db.store)
        let columns = Self.referencing(all)
        let declared = Set(StoreSession.customerMoves.map(\.name) + StoreSession.contactMoves.map(\.name))
            .union(StoreSession.mergedApart.keys)
        for column in columns.subtracting(declared).sorted() {
            Issue.record("\(column) names a customer or key person, but merge neither moves it nor says why not (StoreSession+Merges.swift)")
        }
        for stale in declared.subtracting(all).sorted() {
            Issue.record("merge declares \(stale), which is not in the schema")
        }
        #expect(columns.count > 20)
        try await db.drop()
    }
}
