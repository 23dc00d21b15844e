import Foundation

/// Where the data lives: an SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Reads `--database`: a `postgres://` or `postgresql://` URL, else a file path.
    public init(parsing text: String) throws(StoreError) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresURL(parsing: text))
        } else if text.isEmpty {
            throw .badConfiguration("the database path is empty")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// A description without the password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url): return url.redacted
        }
    }
}

/// The parts of a PostgreSQL URL: `postgres://user:password@host:port/database?sslmode=disable`.
public struct PostgresURL: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// `disable` (loopback), `prefer` or `require`.
    public var sslMode: String

    public init(parsing text: String) throws(StoreError) {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw .badConfiguration("not a valid postgres:// URL")
        }
        self.host = host
        self.port = components.port ?? 5432
        guard let user = components.user, !user.isEmpty else {
            throw .badConfiguration("the postgres:// URL names no user")
        }
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.isEmpty else { throw .badConfiguration("the postgres:// URL names no database") }
        self.database = path
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard ["disable", "prefer", "require", "allow", "verify-full", "verify-ca"].contains(mode) else {
            throw .badConfiguration("unknown sslmode \(mode)")
        }
        self.sslMode = mode
    }

    public var redacted: String { "postgres://\(username)@\(host):\(port)/\(database)" }
}
