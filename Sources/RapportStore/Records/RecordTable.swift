import Foundation
import RapportCore
import SQLKit

/// A record the generic path can store: its table says how.
public protocol StoredRecord: VersionedRecord {
    static var table: RecordTable<Self> { get }
}

/// One column of a record's table and the value a record writes there.
struct RecordColumn<Record>: Sendable {
    let name: String
    let value: @Sendable (Record) throws -> any Encodable & Sendable

    init(_ name: String, _ value: @escaping @Sendable (Record) throws -> any Encodable & Sendable) {
        self.name = name
        self.value = value
    }
}

/// How one kind of record is stored, so that inserting, the versioned update and reading by id are
/// one generic path for every entity instead of a hand-written copy per table.
public struct RecordTable<Record: VersionedRecord>: Sendable {
    /// The table's name and the alias its select list uses.
    let name: String
    let alias: String
    /// Every column, `id` first; `version`, `updated_at` (and `deleted_at` where kept) among them.
    let columns: [RecordColumn<Record>]
    /// Columns an update never writes (the id, the owning customer, who created it and when).
    let fixed: Set<String>
    /// The select list, with the alias, that `decode` reads.
    let selectList: String
    let decode: @Sendable (any SQLRow) throws -> Record
    /// Work after every insert or update in the same transaction: index upkeep (the customer's search
    /// document) or rows of a side table (a deal's key persons).
    let afterWrite: (@Sendable (StoreSession, Record) async throws -> Void)?
    /// Completes a decoded record from side tables (a deal's key persons).
    let complete: (@Sendable (StoreSession, Record) async throws -> Record)?

    init(_ name: String, alias: String, columns: [RecordColumn<Record>], fixed: Set<String> = ["id", "customer_id", "created_at"],
         selectList: String, decode: @escaping @Sendable (any SQLRow) throws -> Record,
         afterWrite: (@Sendable (StoreSession, Record) async throws -> Void)? = nil,
         complete: (@Sendable (StoreSession, Record) async throws -> Record)? = nil) {
        self.name = name
        self.alias = alias
        self.columns = columns
        self.fixed = fixed
        self.selectList = selectList
        self.decode = decode
        self.afterWrite = afterWrite
        self.complete = complete
    }
}

extension StoreSession {
    /// Throws `versionConflict` when the row exists, `notFound` when it does not.
    func versionFailure(table: String, id: String) async throws -> Never {
        if let row = try await db.raw("SELECT version FROM \(ident: table) WHERE id = \(bind: id)").first() {
            throw StoreError.versionConflict(current: try row.int("version"))
        }
        throw StoreError.notFound
    }

    /// Inserts a record as its table describes.
    func insert<R: StoredRecord>(_ record: R) async throws {
        let table = R.table
        var sql: SQLQueryString = "INSERT INTO \(ident: table.name) ("
        sql += SQLQueryString(table.columns.map(\.name).joined(separator: ", "))
        sql += ") VALUES ("
        for (index, column) in table.columns.enumerated() {
            if index > 0 { sql += ", " }
            sql += "\(bind: try column.value(record))"
        }
        sql += ")"
        try await db.raw(sql).run()
        try await table.afterWrite?(self, record)
    }

    /// Writes every changeable column of `record` if the stored version is still `expectedVersion`
    /// (and, when given, the row still belongs to `customer`); else `versionConflict` with the
    /// current version, or `notFound`.
    func update<R: StoredRecord>(_ record: R, expectedVersion: Int, customer: CustomerID? = nil) async throws {
        let table = R.table
        var sql: SQLQueryString = "UPDATE \(ident: table.name) SET "
        var first = true
        for column in table.columns where !table.fixed.contains(column.name) {
            if !first { sql += ", " }
            first = false
            sql += "\(ident: column.name) = \(bind: try column.value(record))"
        }
        sql += " WHERE id = \(bind: record.recordID) AND version = \(bind: Int64(expectedVersion))"
        if let customer { sql += " AND customer_id = \(bind: customer.description)" }
        sql += " RETURNING id"
        if try await db.raw(sql).all().isEmpty { try await versionFailure(table: table.name, id: record.recordID) }
        try await table.afterWrite?(self, record)
    }
}
