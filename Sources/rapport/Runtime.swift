import ArgumentParser
import Foundation
import Logging
import RapportApp
import RapportCore
import RapportEdge
import RapportStore

/// Opens the store (migrating SQLite always; PostgreSQL only when allowed) and builds the app.
enum Runtime {
    static func open(_ options: CommonOptions, allowMigrate: Bool, logger: Logger) async throws -> Rapport {
        let location = try options.location()
        let store: Store
        do {
            store = try await Store.open(location, logger: logger)
        } catch {
            throw CommandError("cannot open the database \(location): \(error)")
        }
        try await Runtime.requireCharacterSet(store)
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
            throw CommandError("the PostgreSQL schema is at version \(current), this build needs \(latest): run `rapport migrate` or start with --migrate")
        } catch StoreError.schemaAhead(let current, let latest) {
            try await store.close()
            throw CommandError("the database schema (version \(current)) is newer than this build (\(latest)): upgrade Rapport")
        }
        let env = RapportCore.Environment(now: { Date() }, newUUID: { UUID() })
        return Rapport(store: store, env: env, logger: logger)
    }

    /// Refuses a PostgreSQL database on which Chinese text or search would not work (and closes it).
    static func requireCharacterSet(_ store: Store) async throws {
        guard let problem = try await store.characterSetProblem() else { return }
        try await store.close()
        throw CommandError("""
            \(problem).
            Create the database with UTF-8 and a UTF-8 locale, for example:
              createdb -O rapport -T template0 -E UTF8 --locale=C.UTF-8 rapport
            (see README.md, "PostgreSQL").
            """)
    }

    /// Opens the app, runs `body`, and closes the app whether `body` succeeded or not (a
    /// connection left open is an error of its own). An app error is printed in words and ends the
    /// command with a failure exit code; other errors (usage, `CommandError`) are rethrown.
    static func with(_ options: CommonOptions, allowMigrate: Bool, logger: Logger,
                     _ body: (Rapport) async throws -> Void) async throws {
        let app = try await open(options, allowMigrate: allowMigrate, logger: logger)
        do {
            try await body(app)
        } catch {
            try await app.operations.close()
            if error is AppError { throw fail(error) }
            throw error
        }
        try await app.operations.close()
    }

    /// The user a CLI command acts as: `--as` or the first admin.
    static func acting(_ app: Rapport, as username: String?) async throws -> Acting {
        let user: User?
        if let username {
            user = try await app.accounts.user(username: username)
        } else {
            user = try await app.operations.firstAdmin()
        }
        guard let user else { throw CommandError("no such user \(username ?? "(admin)"); create one with `rapport user add`") }
        return try await app.acting(user)
    }

    /// Reads a password from the terminal without echo, or `nil` when stdin is not a terminal.
    static func promptPassword(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        guard let pointer = getpass(prompt) else { return nil }
        return String(cString: pointer)
    }

    /// Prints an app error in plain words (the English texts the API and pages use) and exits non-zero.
    static func fail(_ error: any Error) -> ExitCode {
        let words: Localizer
        do {
            words = try Localizer.bundled()
        } catch {
            printErr("error: \(error)")
            return ExitCode.failure
        }
        switch error {
        case AppError.invalid(let errors):
            for e in errors { printErr("\(e.field): \(words.message(for: e, .en))") }
        case AppError.notFound(let entity): printErr("not found: no such \(words.text("entity.\(entity.rawValue)", .en))")
        case AppError.forbidden(let reason): printErr("not allowed: \(words.text("reason.\(reason.rawValue)", .en))")
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
