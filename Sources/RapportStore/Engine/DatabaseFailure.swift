import Foundation
import PostgresNIO

/// A failure the database reported, with what an operator needs to act on it: the SQLSTATE and
/// the server's own message. Logged at error level and printed by the CLI; never sent to API
/// clients (the edge answers them with a generic "internal" problem).
public struct DatabaseFailure: Error, Sendable, CustomStringConvertible {
    /// The SQLSTATE code (`42501` permission denied, `28P01` wrong password…), when the server sent one.
    public let sqlState: String?
    /// The server's message, or what failed on the way to it (a refused connection…).
    public let message: String
    public let detail: String?
    public let hint: String?

    public var description: String {
        var text = "database error"
        if let sqlState { text += " \(sqlState)" }
        text += ": \(message)"
        if let detail, !detail.isEmpty { text += " (\(detail))" }
        if let hint, !hint.isEmpty { text += " hint: \(hint)" }
        return text
    }

    /// Whether retrying cannot help: wrong credentials, an unknown role or database, a refused
    /// privilege — the things a start-up must fail on at once instead of retrying in silence.
    public var isPermanent: Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("28") || sqlState == "3D000" || sqlState.hasPrefix("42")
    }

    init(sqlState: String?, message: String, detail: String? = nil, hint: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
    }

    /// The readable form of a PostgresNIO error (whose own description hides everything).
    static func from(_ error: PSQLError) -> DatabaseFailure {
        if let info = error.serverInfo {
            return DatabaseFailure(sqlState: info[.sqlState], message: info[.message] ?? "\(error.code)",
                                   detail: info[.detail], hint: info[.hint])
        }
        if let underlying = error.underlying {
            return DatabaseFailure(sqlState: nil, message: "\(error.code): \(String(describing: underlying))")
        }
        return DatabaseFailure(sqlState: nil, message: "\(error.code)")
    }
}
