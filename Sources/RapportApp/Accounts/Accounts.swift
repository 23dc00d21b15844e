import Foundation
import HummingbirdBcrypt
import RapportCore
import RapportStore

/// The fields an admin gives for a new user. Without a password, a one-time password is made.
public struct NewUser: Sendable, Codable {
    public var username: String
    public var displayName: String?
    public var role: Role
    public var teamID: TeamID?
    public var password: String?
    public var language: Language?
    public var timeZone: String?

    public init(username: String, displayName: String? = nil, role: Role, teamID: TeamID? = nil,
                password: String? = nil, language: Language? = nil, timeZone: String? = nil) {
        self.username = username; self.displayName = displayName; self.role = role; self.teamID = teamID
        self.password = password; self.language = language; self.timeZone = timeZone
    }
}

/// Changes to a user; `nil` = unchanged.
public struct UserChanges: Sendable, Codable {
    public var displayName: String?
    public var role: Role?
    public var teamID: TeamID??
    public var language: Language??
    public var timeZone: String?
    public var disabled: Bool?

    public init(displayName: String? = nil, role: Role? = nil, teamID: TeamID?? = nil, language: Language?? = nil,
                timeZone: String? = nil, disabled: Bool? = nil) {
        self.displayName = displayName; self.role = role; self.teamID = teamID; self.language = language
        self.timeZone = timeZone; self.disabled = disabled
    }
}

/// Users: created and changed by admins; everyone changes their own name, language, zone and password.
public struct Accounts: Sendable {
    let deps: Dependencies

    /// On an empty database, creates the `admin` user: with `password` when given, else with a
    /// one-time password that is returned (to print once) and must be changed at first sign-in.
    /// Returns `nil` when users already exist.
    public func bootstrapAdmin(password: String?) async throws -> (user: User, oneTimePassword: String?)? {
        guard try await deps.systemRead(.command("bootstrap"), { try await $0.catalog.userCount() }) == 0 else { return nil }
        return try await createUnchecked(
            NewUser(username: "admin", displayName: "Administrator", role: .admin, password: password), actor: nil)
    }

    /// Creates a user (admins only).
    public func create(_ acting: Acting, _ input: NewUser) async throws -> (user: User, oneTimePassword: String?) {
        try acting.requireAdmin()
        return try await createUnchecked(input, actor: acting.id)
    }

    /// Creates a user with no acting user (CLI and first start); validation still applies.
    public func createUnchecked(_ input: NewUser, actor: UserID? = nil) async throws -> (user: User, oneTimePassword: String?) {
        var v = Validator()
        AccountRules.validate(username: input.username, into: &v)
        v.length("displayName", input.displayName, max: 100)
        if let password = input.password { AccountRules.validate(password: password, into: &v) }
        if let zone = input.timeZone, TimeZone(identifier: zone) == nil { v.add("timeZone", .invalid) }
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        let oneTime = input.password == nil ? Secrets.oneTimePassword() : nil
        let hash = Bcrypt.hash(input.password ?? oneTime ?? "", cost: deps.bcryptCost)
        let now = deps.env.now()
        let user = User(id: deps.env.newID(), username: input.username, displayName: input.displayName ?? input.username,
                        role: input.role, teamID: input.teamID, language: input.language,
                        timeZone: input.timeZone ?? "Asia/Shanghai", disabled: false,
                        mustChangePassword: oneTime != nil, createdAt: now, updatedAt: now, version: 1)
        let entry = try deps.audit(actor, User.recordKind, user.id.description, .create, before: nil as User?, after: user)
        try await deps.systemWrite(.command("users")) { session in
            if let team = input.teamID {
                guard let found = try await session.catalog.team(team), found.deletedAt == nil else {
                    throw AppError.invalid([FieldError("teamID", .unknown)])
                }
            }
            try await session.catalog.insertUser(user, passwordHash: hash)
            try await session.catalog.appendAudit(entry)
        }
        return (user, oneTime)
    }

    /// Changes a user (admins; any user may change their own display name, language and time zone).
    /// Disabling a user ends their sessions.
    public func update(_ acting: Acting, _ id: UserID, _ changes: UserChanges, version: Int) async throws -> User {
        let isSelf = acting.id == id
        let touchesPrivileged = changes.role != nil || changes.teamID != nil || changes.disabled != nil
        if !acting.isAdmin && (!isSelf || touchesPrivileged) { throw AppError.forbidden(reason: .adminOnly) }
        var v = Validator()
        if let name = changes.displayName { v.required("displayName", name, max: 100) }
        if let zone = changes.timeZone, TimeZone(identifier: zone) == nil { v.add("timeZone", .invalid) }
        if isSelf, changes.disabled == true { v.add("disabled", .notForYourself) }
        if isSelf, let role = changes.role, role != .admin, acting.user.role == .admin { v.add("role", .notForYourself) }
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        return try await deps.changeCatalog(acting, id, version: version, action: .update) { user, catalog in
            if case .some(.some(let team)) = changes.teamID {
                guard let found = try await catalog.team(team), found.deletedAt == nil else {
                    throw AppError.invalid([FieldError("teamID", .unknown)])
                }
            }
            if let name = changes.displayName { user.displayName = name }
            if let role = changes.role { user.role = role }
            if let team = changes.teamID { user.teamID = team }
            if let language = changes.language { user.language = language }
            if let zone = changes.timeZone { user.timeZone = zone }
            if let disabled = changes.disabled { user.disabled = disabled }
            if user.disabled { try await catalog.deleteWebSessions(of: user.id) }
        }
    }

    /// Every user (names and roles are needed to show owners); admins see disabled ones too.
    public func list(_ acting: Acting) async throws -> [User] {
        let all = try await deps.directory(acting).users
        return acting.isAdmin ? all : all.filter { !$0.disabled }
    }

    /// The users (as `list`) and the live teams in one read of the directory: what a page needs
    /// to name owners and teams.
    public func directory(_ acting: Acting) async throws -> (users: [User], teams: [Team]) {
        let all = try await deps.directory(acting)
        return (acting.isAdmin ? all.users : all.users.filter { !$0.disabled }, all.teams.filter { $0.deletedAt == nil })
    }

    public func get(_ acting: Acting, _ id: UserID) async throws -> User {
        guard let user = try await deps.read(acting, { try await $0.catalog.user(id) })?.user, acting.isAdmin || !user.disabled else {
            throw AppError.notFound(entity: .user)
        }
        return user
    }

    /// Sets a user's password. Admins may set anyone's (the user must then change it, their sessions
    /// end, and with `revokeTokens` their API tokens stop working too); a user changes their own by
    /// giving the current one. Returns how many tokens were revoked.
    @discardableResult
    public func setPassword(_ acting: Acting, _ id: UserID, current: String?, new password: String,
                            revokeTokens: Bool = false) async throws -> Int {
        // Whose password it is decides first: another user's is for admins only, whatever the input.
        if acting.id != id { try acting.requireAdmin() }
        var v = Validator()
        AccountRules.validate(password: password, into: &v)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        guard let stored = try await deps.read(acting, { try await $0.catalog.user(id) }) else { throw AppError.notFound(entity: .user) }
        let isSelf = acting.id == id
        if isSelf {
            guard let current, Bcrypt.verify(current, hash: stored.passwordHash) else {
                throw AppError.invalid([FieldError("currentPassword", .wrong)])
            }
            if current == password { throw AppError.invalid([FieldError("password", .unchanged)]) }
        } else {
            try acting.requireAdmin()
        }
        return try await store(password: password, for: id, by: acting.id, mustChange: !isSelf, endSessions: !isSelf,
                               revokeTokens: revokeTokens && !isSelf)
    }

    /// Replaces a user's password with a new one-time password (admins only), ends their sessions
    /// (and with `revokeTokens` their API tokens) and returns the password to hand over; the user must
    /// change it at next sign-in.
    public func resetPassword(_ acting: Acting, _ id: UserID, revokeTokens: Bool = false) async throws -> (password: String, revokedTokens: Int) {
        try acting.requireAdmin()
        guard try await deps.read(acting, { try await $0.catalog.user(id) }) != nil else { throw AppError.notFound(entity: .user) }
        let oneTime = Secrets.oneTimePassword()
        let revoked = try await store(password: oneTime, for: id, by: acting.id, mustChange: true, endSessions: true,
                                      revokeTokens: revokeTokens)
        return (oneTime, revoked)
    }

    /// Sets a password from the command line (`rapport user passwd`): ends the user's sessions and,
    /// with `revokeTokens`, their API tokens. Returns how many tokens were revoked.
    @discardableResult
    public func resetPasswordFromCLI(username: String, password: String, revokeTokens: Bool = false) async throws -> Int {
        var v = Validator()
        AccountRules.validate(password: password, into: &v)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        guard let stored = try await deps.systemRead(.command("user passwd"), { try await $0.catalog.user(username: username) }) else {
            throw AppError.notFound(entity: .user)
        }
        return try await store(password: password, for: stored.user.id, by: nil, mustChange: false, endSessions: true,
                               revokeTokens: revokeTokens)
    }

    private func store(password: String, for id: UserID, by actor: UserID?, mustChange: Bool, endSessions: Bool,
                       revokeTokens: Bool) async throws -> Int {
        let hash = Bcrypt.hash(password, cost: deps.bcryptCost)
        let now = deps.env.now()
        let entry = try deps.audit(actor, User.recordKind, id.description, .passwordChange, before: nil as String?,
                                   after: revokeTokens ? "tokens revoked" : nil)
        return try await deps.systemWrite(.command("password")) { session in
            try await session.catalog.setPassword(id, hash: hash, mustChange: mustChange, at: now)
            if endSessions { try await session.catalog.deleteWebSessions(of: id) }
            let revoked = revokeTokens ? try await session.catalog.revokeTokens(of: id, at: now) : 0
            try await session.catalog.appendAudit(entry)
            return revoked
        }
    }

    /// Looks a user up by name (CLI).
    public func user(username: String) async throws -> User? {
        try await deps.systemRead(.command("user lookup")) { try await $0.catalog.user(username: username) }?.user
    }
}
