import SQLKit

/// The two engines Rapport runs on. SQL differs between them only inside this target.
public enum EngineKind: String, Sendable {
    case sqlite, postgres
}

/// A connection source: reads run on any connection, writes run in one transaction.
public protocol DatabaseEngine: Sendable {
    var kind: EngineKind { get }

    /// Runs `body` with a database for reads.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` inside one transaction; commits when it returns, rolls back when it throws.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Closes every connection. The engine cannot be used afterwards.
    func close() async throws
}
