import Foundation

/// What a user may do: reps work their own customers, managers their teams', admins everything.
public enum Role: String, Sendable, Codable, CaseIterable {
    case rep, manager, admin
}

/// A user interface language.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zhHans = "zh-Hans"
    case en

    /// Picks the best language from an `Accept-Language` header; Simplified Chinese for any `zh`
    /// except explicit Traditional tags is still the closest we have.
    public static func negotiate(acceptLanguage: String?) -> Language {
        guard let header = acceptLanguage?.lowercased() else { return .zhHans }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") {
                quality = Double(piece.dropFirst(2)) ?? 0
            }
            return (tag, quality)
        }.sorted { $0.1 > $1.1 }
        for (tag, quality) in ranked where quality > 0 {
            if tag.hasPrefix("zh") { return .zhHans }
            if tag.hasPrefix("en") { return .en }
        }
        return .zhHans
    }
}

/// A person who signs in.
public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: UserID
    public var username: String
    public var displayName: String
    public var role: Role
    public var teamID: TeamID?
    public var language: Language?
    /// An IANA time zone name such as `Asia/Shanghai`.
    public var timeZone: String
    public var disabled: Bool
    /// Set for one-time passwords: the user must choose a new password before anything else.
    public var mustChangePassword: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(id: UserID, username: String, displayName: String, role: Role, teamID: TeamID?,
                language: Language?, timeZone: String, disabled: Bool, mustChangePassword: Bool,
                createdAt: Date, updatedAt: Date, version: Int) {
        self.id = id; self.username = username; self.displayName = displayName; self.role = role
        self.teamID = teamID; self.language = language; self.timeZone = timeZone; self.disabled = disabled
        self.mustChangePassword = mustChangePassword; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.version = version
    }
}

/// A team (department) with its manager.
public struct Team: Sendable, Codable, Equatable, Identifiable {
    public var id: TeamID
    public var name: String
    public var managerID: UserID?
    public var createdAt: Date
    public var updatedAt: Date
    /// Set when the team was deleted (restorable); its members keep their history.
    public var deletedAt: Date?
    public var version: Int

    public init(id: TeamID, name: String, managerID: UserID?, createdAt: Date, updatedAt: Date, deletedAt: Date? = nil, version: Int) {
        self.id = id; self.name = name; self.managerID = managerID
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }
}

/// Rules for usernames and passwords.
public enum AccountRules {
    public static let minimumPasswordLength = 10

    /// Usernames: 2–64 of letters, digits, `.`, `_`, `-`, `@`.
    public static func validate(username: String, into validator: inout Validator) {
        validator.required("username", username, max: 64)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        if username.count < 2 || username.unicodeScalars.contains(where: { !allowed.contains($0) }) {
            validator.add("username", .invalid)
        }
    }

    public static func validate(password: String, into validator: inout Validator) {
        if password.count < minimumPasswordLength {
            validator.add("password", .tooShort, detail: String(minimumPasswordLength))
        }
        if password.count > 72 { validator.add("password", .tooLong, detail: "72") }
    }
}

extension User: VersionedRecord {
    public static let recordKind: RecordKind = .user
    public var recordID: String { id.description }
}

extension Team: SoftDeletableRecord {
    public static let recordKind: RecordKind = .team
    public var recordID: String { id.description }
}
