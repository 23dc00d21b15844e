import Foundation
import Logging
import HummingbirdBcrypt
import RapportCore
import RapportStore

/// A new browser session: the cookie value and the CSRF token for its forms.
public struct SignIn: Sendable {
    public let token: String
    public let csrfToken: String
    public let user: User
}

/// A personal access token, shown in full only once, when created.
public struct NewToken: Sendable, Codable {
    public let id: String
    public let name: String
    public let token: String
}

/// Signing in and out, browser sessions and personal API tokens.
public struct Authentication: Sendable {
    let deps: Dependencies

    /// How failed sign-ins slow down further attempts.
    public static let throttle = SignInThrottle.standard

    /// Checks a username and password and opens a session. Attempts are throttled per account and
    /// `source` (the client's address) with growing delays (`SignInThrottle`): each attempt is first
    /// claimed as a failure in one compare-and-set, so parallel attempts are counted one by one, and
    /// a right password clears the count. Throws `rateLimited` while a delay runs.
    public func signIn(username: String, password: String, source: String = "unknown") async throws -> SignIn {
        let now = deps.env.now()
        let key = username.lowercased() + " " + source
        try await claimSignInAttempt(key: key, username: username, source: source, now: now)
        let stored = try await deps.systemRead(.authentication) { try await $0.catalog.user(username: username) }
        // Verify against a fixed hash when the user is unknown so timing does not reveal names.
        let hash = stored?.passwordHash ?? "$2b$04$abcdefghijklmnopqrstuu5Ln3gQdAOpZ3ZbAD5aT5QfWq7Sy0yJa"
        guard Bcrypt.verify(password, hash: hash), let user = stored?.user, !user.disabled else {
            deps.logger.info("sign-in failed", metadata: ["username": "\(username)", "source": "\(source)"])
            throw AppError.unauthenticated
        }
        let token = Secrets.token()
        let csrf = Secrets.token()
        let entry = try deps.audit(user.id, User.recordKind, user.id.description, .login, before: nil as String?, after: nil as String?)
        let lifetime = deps.sessionLifetime
        try await deps.systemWrite(.authentication) { session in
            let catalog = session.catalog
            try await catalog.clearSignInFailures(key: key)
            try await catalog.deleteExpiredWebSessions(now: now)
            try await catalog.insertWebSession(tokenHash: Secrets.hash(token), userID: user.id, csrfToken: csrf,
                                               createdAt: now, expiresAt: now + lifetime)
            try await catalog.appendAudit(entry)
        }
        return SignIn(token: token, csrfToken: csrf, user: user)
    }

    /// Counts this attempt as a failure before the password is checked, or refuses it while a delay
    /// runs. A compare-and-set lost to a parallel attempt is retried on the fresh record.
    private func claimSignInAttempt(key: String, username: String, source: String, now: Date) async throws {
        for _ in 0..<5 {
            let stored = try await deps.systemRead(.authentication) { try await $0.catalog.signInFailures(key: key) }
            switch Self.throttle.judge(stored, now: now) {
            case .wait(let seconds):
                deps.logger.warning("sign-in throttled", metadata: ["username": "\(username)", "source": "\(source)",
                                                               "failures": "\(stored?.failures ?? 0)", "retryAfter": "\(seconds)"])
                throw AppError.rateLimited(retryAfter: seconds)
            case .evaluate(let claim):
                if try await deps.systemWrite(.authentication, {
                    try await $0.catalog.claimSignInAttempt(key: key, expected: stored, claim: claim)
                }) { return }
            }
        }
        deps.logger.warning("sign-in throttled (parallel attempts)", metadata: ["username": "\(username)", "source": "\(source)"])
        throw AppError.rateLimited(retryAfter: 1)
    }

    /// The user and CSRF token of a live session cookie, or `nil`.
    public func session(token: String) async throws -> (user: User, csrfToken: String)? {
        let now = deps.env.now()
        return try await deps.systemRead(.authentication) { session in
            guard let found = try await session.catalog.webSession(tokenHash: Secrets.hash(token), now: now),
                  let user = try await session.catalog.user(found.userID)?.user, !user.disabled else { return nil }
            return (user, found.csrfToken)
        }
    }

    public func signOut(token: String) async throws {
        try await deps.systemWrite(.authentication) { try await $0.catalog.deleteWebSession(tokenHash: Secrets.hash(token)) }
    }

    /// The user of a bearer token, or `nil` when unknown, revoked or disabled.
    public func tokenUser(_ token: String) async throws -> User? {
        let hash = Secrets.hash(token)
        return try await deps.systemRead(.authentication) { session in
            guard let id = try await session.catalog.tokenUser(tokenHash: hash),
                  let user = try await session.catalog.user(id)?.user, !user.disabled else { return nil }
            return user
        }
    }

    /// Creates a personal access token for the acting user; the secret is returned once.
    public func createToken(_ acting: Acting, name: String) async throws -> NewToken {
        var v = Validator()
        v.required("name", name, max: 100)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        let token = Secrets.token(prefix: "rpt_")
        let id = deps.env.newUUID().uuidString.lowercased()
        let now = deps.env.now()
        let entry = try deps.audit(acting.id, .token, id, .tokenCreate, before: nil as String?, after: name)
        try await deps.write(acting) { session in
            try await session.catalog.insertToken(id: id, userID: acting.id, name: name, tokenHash: Secrets.hash(token), createdAt: now)
            try await session.catalog.appendAudit(entry)
        }
        return NewToken(id: id, name: name, token: token)
    }

    public func tokens(_ acting: Acting) async throws -> [StoredToken] {
        try await deps.read(acting) { try await $0.catalog.tokens(of: acting.id) }
    }

    public func revokeToken(_ acting: Acting, id: String) async throws {
        let now = deps.env.now()
        let entry = try deps.audit(acting.id, .token, id, .tokenRevoke, before: nil as String?, after: nil as String?)
        try await deps.write(acting, entity: .token) { session in
            try await session.catalog.revokeToken(id: id, of: acting.id, at: now)
            try await session.catalog.appendAudit(entry)
        }
    }
}
