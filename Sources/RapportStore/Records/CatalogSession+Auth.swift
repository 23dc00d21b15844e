import Foundation
import RapportCore
import SQLKit

/// A signed-in browser session as stored (the token itself is never stored, only its hash).
public struct StoredWebSession: Sendable {
    public var userID: UserID
    public var csrfToken: String
    public var expiresAt: Date
}

/// A personal access token as listed to its owner.
public struct StoredToken: Sendable, Codable, Equatable {
    public var id: String
    public var userID: UserID
    public var name: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}

extension CatalogSession {
    public func insertWebSession(tokenHash: String, userID: UserID, csrfToken: String, createdAt: Date, expiresAt: Date) async throws {
        try await db.raw("""
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (
            \(bind: tokenHash), \(bind: userID.description), \(bind: csrfToken), \(bind: StoredTime.encode(createdAt)),
            \(bind: StoredTime.encode(expiresAt)))
            """).run()
    }

    /// The live session for a token hash, or `nil` when unknown or expired.
    public func webSession(tokenHash: String, now: Date) async throws -> StoredWebSession? {
        guard let row = try await db.raw("""
            SELECT user_id, csrf_token, expires_at FROM sessions
            WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: StoredTime.encode(now))
            """).first() else { return nil }
        return StoredWebSession(userID: try row.id("user_id"), csrfToken: try row.text("csrf_token"),
                                expiresAt: try row.date("expires_at"))
    }

    public func deleteWebSession(tokenHash: String) async throws {
        try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    /// Ends every session of a user (password change, disable).
    public func deleteWebSessions(of user: UserID) async throws {
        try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: user.description)").run()
    }

    public func deleteExpiredWebSessions(now: Date) async throws {
        try await db.raw("DELETE FROM sessions WHERE expires_at <= \(bind: StoredTime.encode(now))").run()
    }

    public func insertToken(id: String, userID: UserID, name: String, tokenHash: String, createdAt: Date) async throws {
        try await db.raw("""
            INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (
            \(bind: id), \(bind: userID.description), \(bind: name), \(bind: tokenHash), \(bind: StoredTime.encode(createdAt)))
            """).run()
    }

    /// The user of a live (not revoked) token.
    public func tokenUser(tokenHash: String) async throws -> UserID? {
        try await db.raw("""
            SELECT user_id FROM api_tokens WHERE token_hash = \(bind: tokenHash) AND revoked_at IS NULL
            """).first()?.id("user_id")
    }

    public func tokens(of user: UserID) async throws -> [StoredToken] {
        try await db.raw("""
            SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens
            WHERE user_id = \(bind: user.description) ORDER BY created_at DESC
            """).all().map { row in
            StoredToken(id: try row.text("id"), userID: try row.id("user_id"), name: try row.text("name"),
                        createdAt: try row.date("created_at"), lastUsedAt: try row.optionalDate("last_used_at"),
                        revokedAt: try row.optionalDate("revoked_at"))
        }
    }

    /// Revokes one of a user's tokens; `notFound` when it is not theirs or already revoked.
    public func revokeToken(id: String, of user: UserID, at: Date) async throws {
        let rows = try await db.raw("""
            UPDATE api_tokens SET revoked_at = \(bind: StoredTime.encode(at))
            WHERE id = \(bind: id) AND user_id = \(bind: user.description) AND revoked_at IS NULL RETURNING id
            """).all()
        if rows.isEmpty { throw StoreError.notFound }
    }

    /// The failed sign-ins on record for one account and source.
    public func signInFailures(key: String) async throws -> SignInFailures? {
        try await db.raw("""
            SELECT failures, last_failure_at, next_allowed_at FROM sign_in_throttle WHERE throttle_key = \(bind: key)
            """).first().map { row in
            SignInFailures(failures: try row.int("failures"), lastFailureAt: try row.date("last_failure_at"),
                           nextAllowedAt: try row.date("next_allowed_at"))
        }
    }

    /// Replaces the record for `key` with `claim` if it is still `expected` (compare and set), so that
    /// of several attempts read at the same time only one is counted at a time. `true` when this call won.
    public func claimSignInAttempt(key: String, expected: SignInFailures?, claim: SignInFailures) async throws -> Bool {
        guard let expected else {
            return !(try await db.raw("""
                INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, next_allowed_at)
                VALUES (\(bind: key), \(bind: Int64(claim.failures)), \(bind: StoredTime.encode(claim.lastFailureAt)),
                \(bind: StoredTime.encode(claim.nextAllowedAt))) ON CONFLICT (throttle_key) DO NOTHING RETURNING throttle_key
                """).all().isEmpty)
        }
        return !(try await db.raw("""
            UPDATE sign_in_throttle SET failures = \(bind: Int64(claim.failures)),
            last_failure_at = \(bind: StoredTime.encode(claim.lastFailureAt)), next_allowed_at = \(bind: StoredTime.encode(claim.nextAllowedAt))
            WHERE throttle_key = \(bind: key) AND failures = \(bind: Int64(expected.failures))
            AND last_failure_at = \(bind: StoredTime.encode(expected.lastFailureAt)) RETURNING throttle_key
            """).all().isEmpty)
    }

    /// Forgets the failures of one account and source (after a right password).
    public func clearSignInFailures(key: String) async throws {
        try await db.raw("DELETE FROM sign_in_throttle WHERE throttle_key = \(bind: key)").run()
    }
}

extension CatalogSession {
    /// Revokes every live token of a user (an admin resetting their password); returns how many.
    public func revokeTokens(of user: UserID, at: Date) async throws -> Int {
        try await db.raw("""
            UPDATE api_tokens SET revoked_at = \(bind: StoredTime.encode(at))
            WHERE user_id = \(bind: user.description) AND revoked_at IS NULL RETURNING id
            """).all().count
    }
}
