import Foundation
import RapportCore
import RapportStore

/// What the server and the command line need besides the use cases: health, shutdown, and the
/// directory an admin command looks names up in. Runs on the store's system session.
public struct Operations: Sendable {
    let deps: Dependencies

    /// Checks the database answers (`/health`).
    public func ping() async throws {
        try await deps.store.ping()
    }

    /// Closes the database (after graceful shutdown, or at the end of a command).
    public func close() async throws {
        try await deps.store.close()
    }

    /// Whether any user exists yet (the first start creates the administrator).
    public func hasUsers() async throws -> Bool {
        try await deps.systemRead(.operations) { try await $0.catalog.userCount() } > 0
    }

    /// Every user, disabled ones too, by username (`rapport user list`, name lookups).
    public func allUsers() async throws -> [User] {
        try await deps.systemRead(.command("directory")) { try await $0.catalog.users() }
    }

    /// Every team, deleted ones too, by name.
    public func allTeams() async throws -> [Team] {
        try await deps.systemRead(.command("directory")) { try await $0.catalog.teams() }
    }

    /// A team by its exact name.
    public func team(named name: String) async throws -> Team? {
        try await deps.systemRead(.command("directory")) { try await $0.catalog.team(named: name) }
    }

    /// The first active administrator (the default actor of admin commands).
    public func firstAdmin() async throws -> User? {
        try await allUsers().first { $0.role == .admin && !$0.disabled }
    }
}

extension Operations {
    /// Whether the database holds any customer, deleted ones included (demo data goes into an empty one).
    public func hasCustomers() async throws -> Bool {
        try await deps.systemRead(.command("demo")) { try await $0.unrestricted.customerCount(CustomerQuery(deleted: .include)) } > 0
    }
}
