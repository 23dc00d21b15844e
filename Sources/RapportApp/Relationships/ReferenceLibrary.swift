import Foundation
import RapportCore
import RapportStore

/// Decoded reference files, cached. A value is rebuilt when an admin's edited copy changes: edits
/// made through this process apply at once, edits from other processes within `recheck` seconds.
public actor ReferenceLibrary {
    private let store: Store
    private let recheck: TimeInterval
    private var versions: [String: Int] = [:]
    private var checkedAt: Date?
    private var cache: [String: (version: Int, value: any Sendable)] = [:]

    public init(store: Store, recheck: TimeInterval = 2) {
        self.store = store
        self.recheck = recheck
    }

    /// The text of a shipped file.
    public static func shipped(_ name: ReferenceFileName) throws -> String {
        guard let url = Bundle.module.url(forResource: name.rawValue, withExtension: "json", subdirectory: "Reference") else {
            throw AppError.notFound(entity: .referenceFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Forgets cached versions so that the next read sees an edit at once.
    func invalidate() {
        checkedAt = nil
    }

    /// The decoded file: the admin's copy when there is one, else the shipped default.
    func value<T: Sendable>(_ name: ReferenceFileName, now: Date, decode: (Data) throws -> T) async throws -> T {
        try await refreshVersions(now: now)
        let version = versions[name.rawValue] ?? 0
        if let hit = cache[name.rawValue], hit.version == version, let value = hit.value as? T { return value }
        let text: String
        if version > 0, let stored = try await store.systemRead(.operations, { try await $0.catalog.referenceFile(name.rawValue) }) {
            text = stored.content
        } else {
            text = try Self.shipped(name)
        }
        let value = try decode(Data(text.utf8))
        cache[name.rawValue] = (version, value)
        return value
    }

    /// The tone checker over both languages' rule sets, compiled again only when one of them changed.
    func toneChecker(now: Date) async throws -> ToneChecker {
        let zh = try await value(.toneRulesZh, now: now) { try ToneRuleSet.decode($0) }
        let en = try await value(.toneRulesEn, now: now) { try ToneRuleSet.decode($0) }
        // Versions only grow, so this pair identifies the two files' contents.
        let version = (versions[ReferenceFileName.toneRulesZh.rawValue] ?? 0) << 32
            | (versions[ReferenceFileName.toneRulesEn.rawValue] ?? 0)
        if let hit = cache["checker"], hit.version == version, let checker = hit.value as? ToneChecker { return checker }
        let checker = try ToneChecker(ruleSets: [zh, en])
        cache["checker"] = (version, checker)
        return checker
    }

    private func refreshVersions(now: Date) async throws {
        if checkedAt.map({ now.timeIntervalSince($0) > recheck || now < $0 }) ?? true {
            versions = try await store.systemRead(.operations) { try await $0.catalog.referenceFileVersions() }
            checkedAt = now
        }
    }
}
