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

extension Rapport {
    /// On an empty database, creates the `admin` user: with `password` when given, else with a
    /// one-time password that is returned (to print once) and must be changed at first sign-in.
    /// Returns `nil` when users already exist.
    public func bootstrapAdmin(password: String?) async throws -> (user: User, oneTimePassword: String?)? {
        guard try await store.read({ try await $0.userCount() }) == 0 else { return nil }
        let created = try await createUserUnchecked(
            NewUser(username: "admin", displayName: "Administrator", role: .admin, password: password), actor: nil)
        return created
    }

    /// Creates a user (admins only).
    public func createUser(_ acting: Acting, _ input: NewUser) async throws -> (user: User, oneTimePassword: String?) {
        try acting.requireAdmin()
        return try await createUserUnchecked(input, actor: acting.id)
    }

    /// Creates a user with no acting user (CLI and first start); validation still applies.
    public func createUserUnchecked(_ input: NewUser, actor: UserID? = nil) async throws -> (user: User, oneTimePassword: String?) {
        var v = Validator()
        AccountRules.validate(username: input.username, into: &v)
        v.length("displayName", input.displayName, max: 100)
        if let password = input.password { AccountRules.validate(password: password, into: &v) }
        if let zone = input.timeZone, TimeZone(identifier: zone) == nil { v.add("timeZone", "invalid") }
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        if let team = input.teamID, try await !liveTeam(team) {
            throw AppError.invalid([FieldError("teamID", "unknown")])
        }
        let oneTime = input.password == nil ? Secrets.oneTimePassword() : nil
        let password = input.password ?? oneTime ?? ""
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let now = env.now()
        let user = User(id: env.newID(), username: input.username, displayName: input.displayName ?? input.username,
                        role: input.role, teamID: input.teamID, language: input.language,
                        timeZone: input.timeZone ?? "Asia/Shanghai", disabled: false,
                        mustChangePassword: oneTime != nil, createdAt: now, updatedAt: now, version: 1)
        let entry = try audit(actor, "user", user.id.description, .create, before: nil as User?, after: user)
        try await mapped("user") {
            try await store.write { session in
                try await session.insertUser(user, passwordHash: hash)
                try await session.appendAudit(entry)
            }
        }
        return (user, oneTime)
    }

    /// Changes a user (admins; any user may change their own display name, language and time zone).
    public func updateUser(_ acting: Acting, _ id: UserID, _ changes: UserChanges, version: Int) async throws -> User {
        let isSelf = acting.id == id
        let touchesPrivileged = changes.role != nil || changes.teamID != nil || changes.disabled != nil
        if !acting.isAdmin && (!isSelf || touchesPrivileged) { throw AppError.forbidden(reason: "adminOnly") }
        guard let before = try await store.read({ try await $0.user(id) })?.user else {
            throw AppError.notFound(entity: "user")
        }
        var v = Validator()
        if let name = changes.displayName { v.required("displayName", name, max: 100) }
        if let zone = changes.timeZone, TimeZone(identifier: zone) == nil { v.add("timeZone", "invalid") }
        if isSelf, changes.disabled == true || (changes.role != nil && changes.role != .admin && before.role == .admin) {
            v.add(changes.disabled == true ? "disabled" : "role", "notForYourself")
        }
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        if case .some(.some(let team)) = changes.teamID, try await !liveTeam(team) {
            throw AppError.invalid([FieldError("teamID", "unknown")])
        }
        var after = before
        if let name = changes.displayName { after.displayName = name }
        if let role = changes.role { after.role = role }
        if let team = changes.teamID { after.teamID = team }
        if let language = changes.language { after.language = language }
        if let zone = changes.timeZone { after.timeZone = zone }
        if let disabled = changes.disabled { after.disabled = disabled }
        after.updatedAt = env.now()
        after.version = before.version + 1
        let entry = try audit(acting.id, "user", id.description, .update, before: before, after: after)
        let saved = after
        try await mapped("user") {
            try await store.write { session in
                try await session.updateUser(saved, expectedVersion: version)
                if saved.disabled { try await session.deleteWebSessions(of: saved.id) }
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    /// Every user (names and roles are needed to show owners); admins see disabled ones too.
    public func users(_ acting: Acting) async throws -> [User] {
        let all = try await store.read { try await $0.users() }
        return acting.isAdmin ? all : all.filter { !$0.disabled }
    }

    public func user(_ acting: Acting, _ id: UserID) async throws -> User {
        guard let user = try await store.read({ try await $0.user(id) })?.user, acting.isAdmin || !user.disabled else {
            throw AppError.notFound(entity: "user")
        }
        return user
    }

    /// Sets a user's password. Admins may set anyone's (the user must then change it);
    /// a user changes their own by giving the current one.
    public func setPassword(_ acting: Acting, _ id: UserID, current: String?, new password: String) async throws {
        var v = Validator()
        AccountRules.validate(password: password, into: &v)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        guard let stored = try await store.read({ try await $0.user(id) }) else { throw AppError.notFound(entity: "user") }
        let isSelf = acting.id == id
        if isSelf {
            guard let current, Bcrypt.verify(current, hash: stored.passwordHash) else {
                throw AppError.invalid([FieldError("currentPassword", "wrong")])
            }
            if current == password { throw AppError.invalid([FieldError("password", "unchanged")]) }
        } else {
            try acting.requireAdmin()
        }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let now = env.now()
        let entry = try audit(acting.id, "user", id.description, .passwordChange, before: nil as String?, after: nil as String?)
        let mustChange = !isSelf
        try await store.write { session in
            try await session.setPassword(id, hash: hash, mustChange: mustChange, at: now)
            if !isSelf { try await session.deleteWebSessions(of: id) }
            try await session.appendAudit(entry)
        }
    }

    /// Replaces a user's password with a new one-time password (admins only), ends their sessions
    /// and returns the password to hand over; the user must change it at next sign-in.
    public func resetPassword(_ acting: Acting, _ id: UserID) async throws -> String {
        try acting.requireAdmin()
        guard try await store.read({ try await $0.user(id) }) != nil else { throw AppError.notFound(entity: "user") }
        let oneTime = Secrets.oneTimePassword()
        let hash = Bcrypt.hash(oneTime, cost: bcryptCost)
        let now = env.now()
        let entry = try audit(acting.id, "user", id.description, .passwordChange, before: nil as String?, after: nil as String?)
        try await store.write { session in
            try await session.setPassword(id, hash: hash, mustChange: true, at: now)
            try await session.deleteWebSessions(of: id)
            try await session.appendAudit(entry)
        }
        return oneTime
    }

    /// Sets a password from the command line (no acting user; for `rapport user passwd`).
    public func resetPasswordFromCLI(username: String, password: String) async throws {
        var v = Validator()
        AccountRules.validate(password: password, into: &v)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        guard let stored = try await store.read({ try await $0.user(username: username) }) else {
            throw AppError.notFound(entity: "user")
        }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let now = env.now()
        let entry = try audit(nil, "user", stored.user.id.description, .passwordChange, before: nil as String?, after: nil as String?)
        try await store.write { session in
            try await session.setPassword(stored.user.id, hash: hash, mustChange: false, at: now)
            try await session.deleteWebSessions(of: stored.user.id)
            try await session.appendAudit(entry)
        }
    }

    /// Whether a team exists and is not deleted.
    func liveTeam(_ id: TeamID) async throws -> Bool {
        guard let team = try await store.read({ try await $0.team(id) }) else { return false }
        return team.deletedAt == nil
    }

    /// Looks a user up by name (CLI).
    public func user(username: String) async throws -> User? {
        try await store.read { try await $0.user(username: username) }?.user
    }
}
