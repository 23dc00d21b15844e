import Foundation
import RapportCore
import SQLKit

/// A user row with its password hash, which never leaves the app layer.
public struct StoredUser: Sendable {
    public var user: User
    public var passwordHash: String
}

extension CatalogSession {
    static let userColumns = """
        id, username, display_name, password_hash, role, team_id, language, time_zone, disabled,
        must_change_password, created_at, updated_at, version
        """

    private static func decodeUser(_ row: any SQLRow) throws -> StoredUser {
        StoredUser(
            user: User(
                id: try row.id("id"), username: try row.text("username"), displayName: try row.text("display_name"),
                role: try row.enumValue("role"), teamID: try row.optionalID("team_id"),
                language: try row.optionalEnum("language"), timeZone: try row.text("time_zone"),
                disabled: try row.bool("disabled"), mustChangePassword: try row.bool("must_change_password"),
                createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
                version: try row.int("version")),
            passwordHash: try row.text("password_hash"))
    }

    public func insertUser(_ user: User, passwordHash: String) async throws {
        if try await db.raw("SELECT id FROM users WHERE username = \(bind: user.username)").first() != nil {
            throw StoreError.uniqueViolation(field: "username")
        }
        try await db.raw("""
            INSERT INTO users (\(unsafeRaw: Self.userColumns)) VALUES (
            \(bind: user.id.description), \(bind: user.username), \(bind: user.displayName), \(bind: passwordHash),
            \(bind: user.role.rawValue), \(bind: user.teamID?.description), \(bind: user.language?.rawValue),
            \(bind: user.timeZone), \(bind: Int64(user.disabled ? 1 : 0)), \(bind: Int64(user.mustChangePassword ? 1 : 0)),
            \(bind: StoredTime.encode(user.createdAt)), \(bind: StoredTime.encode(user.updatedAt)), \(bind: Int64(user.version)))
            """).run()
    }

    /// Saves every field but the password; checks the version the caller read.
    public func updateUser(_ user: User, expectedVersion: Int) async throws {
        if try await db.raw("SELECT id FROM users WHERE username = \(bind: user.username) AND id <> \(bind: user.id.description)").first() != nil {
            throw StoreError.uniqueViolation(field: "username")
        }
        let rows = try await db.raw("""
            UPDATE users SET username = \(bind: user.username), display_name = \(bind: user.displayName),
            role = \(bind: user.role.rawValue), team_id = \(bind: user.teamID?.description),
            language = \(bind: user.language?.rawValue), time_zone = \(bind: user.timeZone),
            disabled = \(bind: Int64(user.disabled ? 1 : 0)), must_change_password = \(bind: Int64(user.mustChangePassword ? 1 : 0)),
            updated_at = \(bind: StoredTime.encode(user.updatedAt)), version = \(bind: Int64(user.version))
            WHERE id = \(bind: user.id.description) AND version = \(bind: Int64(expectedVersion))
            RETURNING id
            """).all()
        if rows.isEmpty { try await raw.versionFailure(table: "users", id: user.id.description) }
    }

    public func setPassword(_ id: UserID, hash: String, mustChange: Bool, at: Date) async throws {
        try await db.raw("""
            UPDATE users SET password_hash = \(bind: hash), must_change_password = \(bind: Int64(mustChange ? 1 : 0)),
            updated_at = \(bind: StoredTime.encode(at)), version = version + 1 WHERE id = \(bind: id.description)
            """).run()
    }

    public func user(_ id: UserID) async throws -> StoredUser? {
        try await db.raw("SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE id = \(bind: id.description)")
            .first().map(Self.decodeUser)
    }

    public func user(username: String) async throws -> StoredUser? {
        try await db.raw("SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE username = \(bind: username)")
            .first().map(Self.decodeUser)
    }

    /// Users in username order, optionally only one team's.
    public func users(team: TeamID? = nil) async throws -> [User] {
        var sql: SQLQueryString = "SELECT \(unsafeRaw: Self.userColumns) FROM users"
        if let team { sql += " WHERE team_id = \(bind: team.description)" }
        sql += " ORDER BY username"
        return try await db.raw(sql).all().map { try Self.decodeUser($0).user }
    }

    /// A value that changes whenever any user or team is added or changed (every change bumps a
    /// version), so a cache of the decoded lists can tell it is current without decoding them.
    public func directoryFingerprint() async throws -> String {
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast it back to read it as an integer.
        let users = try await db.raw("SELECT COUNT(*) AS n, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS v FROM users").first()
        let teams = try await db.raw("SELECT COUNT(*) AS n, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS v FROM teams").first()
        return "\(try users?.int("n") ?? 0).\(try users?.int("v") ?? 0).\(try teams?.int("n") ?? 0).\(try teams?.int("v") ?? 0)"
    }

    public func userCount() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM users").first()?.int("n") ?? 0
    }

    // MARK: Teams

    private static func decodeTeam(_ row: any SQLRow) throws -> Team {
        Team(id: try row.id("id"), name: try row.text("name"), managerID: try row.optionalID("manager_id"),
             createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
             deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    public func insertTeam(_ team: Team) async throws {
        if try await db.raw("SELECT id FROM teams WHERE name = \(bind: team.name)").first() != nil {
            throw StoreError.uniqueViolation(field: "name")
        }
        try await db.raw("""
            INSERT INTO teams (id, name, manager_id, created_at, updated_at, deleted_at, version) VALUES (
            \(bind: team.id.description), \(bind: team.name), \(bind: team.managerID?.description),
            \(bind: StoredTime.encode(team.createdAt)), \(bind: StoredTime.encode(team.updatedAt)),
            \(bind: StoredTime.encode(team.deletedAt)), \(bind: Int64(team.version)))
            """).run()
    }

    public func updateTeam(_ team: Team, expectedVersion: Int) async throws {
        if try await db.raw("SELECT id FROM teams WHERE name = \(bind: team.name) AND id <> \(bind: team.id.description)").first() != nil {
            throw StoreError.uniqueViolation(field: "name")
        }
        let rows = try await db.raw("""
            UPDATE teams SET name = \(bind: team.name), manager_id = \(bind: team.managerID?.description),
            updated_at = \(bind: StoredTime.encode(team.updatedAt)), deleted_at = \(bind: StoredTime.encode(team.deletedAt)),
            version = \(bind: Int64(team.version))
            WHERE id = \(bind: team.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await raw.versionFailure(table: "teams", id: team.id.description) }
    }

    public func team(_ id: TeamID) async throws -> Team? {
        try await db.raw("SELECT * FROM teams WHERE id = \(bind: id.description)").first().map(Self.decodeTeam)
    }

    public func team(named name: String) async throws -> Team? {
        try await db.raw("SELECT * FROM teams WHERE name = \(bind: name)").first().map(Self.decodeTeam)
    }

    public func teams() async throws -> [Team] {
        try await db.raw("SELECT * FROM teams ORDER BY name").all().map(Self.decodeTeam)
    }

    /// The teams a user manages.
    public func teamsManaged(by user: UserID) async throws -> [TeamID] {
        try await db.raw("SELECT id FROM teams WHERE manager_id = \(bind: user.description)").all().map { try $0.id("id") }
    }
}
