import ArgumentParser
import Foundation
import Logging
import RapportApp
import RapportCore
import RapportStore

/// Opens the store (migrating SQLite always; PostgreSQL only when allowed) and builds the app.
enum Runtime {
    static func open(_ options: CommonOptions, allowMigrate: Bool, logger: Logger) async throws -> Rapport {
        let location = try options.location()
        let store: Store
        do {
            store = try await Store.open(location, logger: logger)
        } catch {
            throw ValidationError("cannot open the database \(location): \(error)")
        }
        let migrator = Migrator(store: store, now: { Date() })
        do {
            switch location {
            case .sqlite:
                try await migrator.check(allowMigrate: true)
            case .postgres:
                try await migrator.check(allowMigrate: allowMigrate)
            }
        } catch StoreError.schemaBehind(let current, let latest) {
            try await store.close()
            throw ValidationError("the PostgreSQL schema is at version \(current), this build needs \(latest): run `rapport migrate` or start with --migrate")
        } catch StoreError.schemaAhead(let current, let latest) {
            try await store.close()
            throw ValidationError("the database schema (version \(current)) is newer than this build (\(latest)): upgrade Rapport")
        }
        let env = RapportCore.Environment(now: { Date() }, newUUID: { UUID() })
        return Rapport(store: store, env: env, logger: logger)
    }

    /// The user a CLI command acts as: `--as` or the first admin.
    static func acting(_ app: Rapport, as username: String?) async throws -> Acting {
        let user: User?
        if let username {
            user = try await app.accounts.user(username: username)
        } else {
            user = try await app.operations.firstAdmin()
        }
        guard let user else { throw ValidationError("no such user \(username ?? "(admin)"); create one with `rapport user add`") }
        return try await app.acting(user)
    }

    /// Reads a password from the terminal without echo, or `nil` when stdin is not a terminal.
    static func promptPassword(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        guard let pointer = getpass(prompt) else { return nil }
        return String(cString: pointer)
    }

    /// Prints an app error in plain words and exits non-zero.
    static func fail(_ error: any Error) -> ExitCode {
        switch error {
        case AppError.invalid(let errors):
            for e in errors { printErr("invalid \(e.field): \(e.code)\(e.detail.map { " (\($0))" } ?? "")") }
        case AppError.notFound(let entity): printErr("no such \(entity)")
        case AppError.forbidden(let reason): printErr("not allowed: \(reason)")
        case AppError.busy(let job): printErr("\(job) is already running in another process; try again when it has finished")
        case AppError.duplicate(let matches):
            for m in matches { printErr("duplicate of \(m.customerName) (owner: \(m.ownerName ?? "-"), by \(m.reasons.map(\.rawValue).joined(separator: ", ")))") }
        default: printErr("error: \(error)")
        }
        return ExitCode.failure
    }

    static func printErr(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
