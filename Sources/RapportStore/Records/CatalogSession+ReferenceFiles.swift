import Foundation
import RapportCore
import SQLKit

/// An admin's edited copy of one shipped reference file (guidance, questionnaire, tone rules...).
public struct StoredReferenceFile: Sendable, Equatable {
    public var name: String
    public var content: String
    public var updatedBy: UserID?
    public var updatedAt: Date
    public var version: Int

    public init(name: String, content: String, updatedBy: UserID?, updatedAt: Date, version: Int) {
        self.name = name; self.content = content; self.updatedBy = updatedBy; self.updatedAt = updatedAt
        self.version = version
    }
}

extension CatalogSession {
    public func referenceFile(_ name: String) async throws -> StoredReferenceFile? {
        try await db.raw("SELECT * FROM reference_files WHERE name = \(bind: name)").first().map { row in
            StoredReferenceFile(name: try row.text("name"), content: try row.text("content"),
                                updatedBy: try row.optionalID("updated_by"), updatedAt: try row.date("updated_at"),
                                version: try row.int("version"))
        }
    }

    /// The version of every edited file (a cheap check whether cached copies are current).
    public func referenceFileVersions() async throws -> [String: Int] {
        var versions: [String: Int] = [:]
        for row in try await db.raw("SELECT name, version FROM reference_files").all() {
            versions[try row.text("name")] = try row.int("version")
        }
        return versions
    }

    /// Saves an edited file: `expectedVersion` 0 creates it; otherwise a stale version throws a conflict.
    public func saveReferenceFile(_ file: StoredReferenceFile, expectedVersion: Int) async throws {
        if expectedVersion == 0 {
            if try await referenceFile(file.name) != nil { try await versionFailure(table: "reference_files", key: file.name) }
            try await db.raw("""
                INSERT INTO reference_files (name, content, updated_by, updated_at, version) VALUES (
                \(bind: file.name), \(bind: file.content), \(bind: file.updatedBy?.description),
                \(bind: StoredTime.encode(file.updatedAt)), 1)
                """).run()
            return
        }
        let rows = try await db.raw("""
            UPDATE reference_files SET content = \(bind: file.content), updated_by = \(bind: file.updatedBy?.description),
            updated_at = \(bind: StoredTime.encode(file.updatedAt)), version = version + 1
            WHERE name = \(bind: file.name) AND version = \(bind: Int64(expectedVersion)) RETURNING name
            """).all()
        if rows.isEmpty { try await versionFailure(table: "reference_files", key: file.name) }
    }

    /// Drops an edited copy so the shipped default applies again.
    public func deleteReferenceFile(_ name: String) async throws {
        try await db.raw("DELETE FROM reference_files WHERE name = \(bind: name)").run()
    }

    private func versionFailure(table: String, key: String) async throws -> Never {
        if let row = try await db.raw("SELECT version FROM \(ident: table) WHERE name = \(bind: key)").first() {
            throw StoreError.versionConflict(current: try row.int("version"))
        }
        throw StoreError.versionConflict(current: 0)
    }
}
