import Foundation
import RapportCore
import RapportStore

/// What the admin page lists for each reference file.
public struct ReferenceFileInfo: Sendable, Codable, Equatable {
    public var name: String
    /// True when an admin's edited copy replaces the shipped file.
    public var edited: Bool
    public var version: Int
    public var updatedAt: Date?
    public var updatedBy: UserID?
}

/// One reference file's text as an admin edits it.
public struct ReferenceFileContent: Sendable, Codable, Equatable {
    public var name: String
    public var content: String
    public var edited: Bool
    /// 0 for the shipped file; send it back when saving.
    public var version: Int
}

/// The admin's editing of the reference files (guidance, questionnaire, tone rules, holidays, expectation defaults).
public struct ReferenceData: Sendable {
    let deps: Dependencies

    public func files(_ acting: Acting) async throws -> [ReferenceFileInfo] {
        try acting.requireAdmin()
        var infos: [ReferenceFileInfo] = []
        for name in ReferenceFileName.allCases {
            let stored = try await deps.read(acting) { try await $0.catalog.referenceFile(name.rawValue) }
            infos.append(ReferenceFileInfo(name: name.rawValue, edited: stored != nil, version: stored?.version ?? 0,
                                           updatedAt: stored?.updatedAt, updatedBy: stored?.updatedBy))
        }
        return infos
    }

    public func file(_ acting: Acting, _ raw: String) async throws -> ReferenceFileContent {
        try acting.requireAdmin()
        let name = try referenceName(raw)
        if let stored = try await deps.read(acting, { try await $0.catalog.referenceFile(name.rawValue) }) {
            return ReferenceFileContent(name: name.rawValue, content: stored.content, edited: true, version: stored.version)
        }
        return ReferenceFileContent(name: name.rawValue, content: try ReferenceLibrary.shipped(name), edited: false, version: 0)
    }

    /// Saves an edited copy after checking it parses and is complete; `version` is the one read (0 for the shipped file).
    public func save(_ acting: Acting, _ raw: String, content: String, version: Int) async throws -> ReferenceFileContent {
        try acting.requireAdmin()
        let name = try referenceName(raw)
        if content.utf8.count > 1_000_000 { throw AppError.invalid([FieldError("content", .tooLong, detail: "1000000")]) }
        try name.validate(content)
        let file = StoredReferenceFile(name: name.rawValue, content: content, updatedBy: acting.id, updatedAt: deps.env.now(), version: version)
        let entry = try deps.audit(acting.id, .referenceFile, name.rawValue, version == 0 ? .create : .update,
                              before: nil as String?, after: content)
        try await deps.write(acting, entity: .referenceFile) { session in
            try await session.catalog.saveReferenceFile(file, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
        }
        await deps.reference.invalidate()
        return try await self.file(acting, raw)
    }

    /// Drops the edited copy: the shipped file applies again.
    public func reset(_ acting: Acting, _ raw: String) async throws -> ReferenceFileContent {
        try acting.requireAdmin()
        let name = try referenceName(raw)
        let entry = try deps.audit(acting.id, .referenceFile, name.rawValue, .delete, before: nil as String?, after: nil as String?)
        try await deps.write(acting) { session in
            try await session.catalog.deleteReferenceFile(name.rawValue)
            try await session.catalog.appendAudit(entry)
        }
        await deps.reference.invalidate()
        return try await self.file(acting, raw)
    }

    private func referenceName(_ raw: String) throws(AppError) -> ReferenceFileName {
        guard let name = ReferenceFileName(rawValue: raw) else { throw .notFound(entity: .referenceFile) }
        return name
    }
}
