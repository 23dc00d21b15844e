import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through PostgresNIO's connection pool. The pool runs in a task owned by the
/// engine, started by `connect` and cancelled by `close`.
public final class PostgresEngine: DatabaseEngine {
    public let kind = EngineKind.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    private init(client: PostgresClient, runner: Task<Void, Never>, logger: Logger) {
        self.client = client
        self.runner = runner
        self.logger = logger
    }

    /// Connects and checks the server answers. Wrong credentials, an unknown role or database and
    /// refused connections fail at once with the server's reason (`DatabaseFailure`); a server that is
    /// still starting or out of connections is retried for about half a minute, with a warning each time.
    public static func connect(_ url: PostgresURL, logger: Logger) async throws -> PostgresEngine {
        try await probe(url, logger: logger)
        let tls: PostgresClient.Configuration.TLS
        switch url.sslMode {
        case "disable": tls = .disable
        case "require", "verify-full", "verify-ca": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password,
            database: url.database, tls: tls)
        configuration.options.maximumConnections = 10
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        let engine = PostgresEngine(client: client, runner: runner, logger: logger)
        do {
            try await engine.read { db in try await db.raw("SELECT 1").run() }
        } catch {
            runner.cancel()
            throw error
        }
        return engine
    }

    /// One direct connection before the pool starts (the pool itself retries failed connections
    /// forever and in silence, which is right while running but hides a wrong setting at start).
    private static func probe(_ url: PostgresURL, logger: Logger) async throws {
        let tls: PostgresConnection.Configuration.TLS
        switch url.sslMode {
        case "disable": tls = .disable
        case "require", "verify-full", "verify-ca": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.username,
                                                             password: url.password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        let deadline = ContinuousClock.now + .seconds(30)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: attempt, logger: logger)
                try await connection.close()
                return
            } catch let error as PSQLError {
                let failure = DatabaseFailure.from(error)
                let transient = ["57P03", "53300", "08006"].contains(failure.sqlState ?? "")
                    || (error.code == .connectionError && String(describing: error.underlying).contains("imeout"))
                guard transient, ContinuousClock.now < deadline else {
                    logger.error("cannot connect to PostgreSQL", metadata: ["error": "\(failure)"])
                    throw failure
                }
                logger.warning("PostgreSQL is not ready; retrying", metadata: ["error": "\(failure)", "attempt": "\(attempt)"])
                try await Task.sleep(for: .seconds(2))
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await Self.readable {
            try await client.withConnection { connection in
                try await body(connection.sql(queryLogLevel: .trace))
            }
        }
    }

    /// Runs `work`, turning PostgresNIO's errors (whose description hides the server's reason) into
    /// `DatabaseFailure`s that say it.
    static func readable<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as PSQLError {
            throw DatabaseFailure.from(error)
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await Self.readable { try await transaction(body) }
    }

    private func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let db = connection.sql(queryLogLevel: .trace)
            try await db.raw("BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                do {
                    try await db.raw("ROLLBACK").run()
                } catch let rollbackError {
                    logger.error("rollback failed", metadata: ["error": "\(rollbackError)"])
                }
                throw error
            }
        }
    }

    public func close() async throws {
        runner.cancel()
        _ = await runner.value
    }
}
