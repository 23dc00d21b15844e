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

extension Rapport {
    public func guidanceBook(_ language: Language) async throws -> GuidanceBook {
        try await reference.value(.guidance(language), now: env.now()) { try GuidanceBook.decode($0) }
    }

    public func questionnaire(_ language: Language) async throws -> TemperamentQuestionnaire {
        try await reference.value(.questionnaire(language), now: env.now()) { try TemperamentQuestionnaire.decode($0) }
    }

    public func holidayCalendar() async throws -> HolidayCalendar {
        try await reference.value(.holidays, now: env.now()) { try HolidayCalendar.decode($0) }
    }

    public func expectationPolicy() async throws -> ExpectationPolicy {
        try await reference.value(.expectations, now: env.now()) { try ExpectationPolicy.decode($0) }
    }

    /// Both languages' tone rules, compiled once per edit.
    public func toneChecker() async throws -> ToneChecker {
        try await reference.toneChecker(now: env.now())
    }

    // MARK: Admin editing

    public func referenceFiles(_ acting: Acting) async throws -> [ReferenceFileInfo] {
        try acting.requireAdmin()
        var infos: [ReferenceFileInfo] = []
        for name in ReferenceFileName.allCases {
            let stored = try await store.read { try await $0.referenceFile(name.rawValue) }
            infos.append(ReferenceFileInfo(name: name.rawValue, edited: stored != nil, version: stored?.version ?? 0,
                                           updatedAt: stored?.updatedAt, updatedBy: stored?.updatedBy))
        }
        return infos
    }

    public func referenceFile(_ acting: Acting, _ raw: String) async throws -> ReferenceFileContent {
        try acting.requireAdmin()
        let name = try referenceName(raw)
        if let stored = try await store.read({ try await $0.referenceFile(name.rawValue) }) {
            return ReferenceFileContent(name: name.rawValue, content: stored.content, edited: true, version: stored.version)
        }
        return ReferenceFileContent(name: name.rawValue, content: try ReferenceLibrary.shipped(name), edited: false, version: 0)
    }

    /// Saves an edited copy after checking it parses and is complete; `version` is the one read (0 for the shipped file).
    public func saveReferenceFile(_ acting: Acting, _ raw: String, content: String, version: Int) async throws -> ReferenceFileContent {
        try acting.requireAdmin()
        let name = try referenceName(raw)
        if content.utf8.count > 1_000_000 { throw AppError.invalid([FieldError("content", "tooLong", detail: "1000000")]) }
        try name.validate(content)
        let file = StoredReferenceFile(name: name.rawValue, content: content, updatedBy: acting.id, updatedAt: env.now(), version: version)
        let entry = try audit(acting.id, "referenceFile", name.rawValue, version == 0 ? .create : .update,
                              before: nil as String?, after: content)
        try await mapped("referenceFile") {
            try await store.write { session in
                try await session.saveReferenceFile(file, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        await reference.invalidate()
        return try await referenceFile(acting, raw)
    }

    /// Drops the edited copy: the shipped file applies again.
    public func resetReferenceFile(_ acting: Acting, _ raw: String) async throws -> ReferenceFileContent {
        try acting.requireAdmin()
        let name = try referenceName(raw)
        let entry = try audit(acting.id, "referenceFile", name.rawValue, .delete, before: nil as String?, after: nil as String?)
        try await store.write { session in
            try await session.deleteReferenceFile(name.rawValue)
            try await session.appendAudit(entry)
        }
        await reference.invalidate()
        return try await referenceFile(acting, raw)
    }

    private func referenceName(_ raw: String) throws(AppError) -> ReferenceFileName {
        guard let name = ReferenceFileName(rawValue: raw) else { throw .notFound(entity: "referenceFile") }
        return name
    }
}
