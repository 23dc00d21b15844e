import Foundation
import RapportApp
import RapportCore

/// The first administrator, for `serve` and `migrate` alike.
///
/// - No users yet: `admin` with the password from `RAPPORT_ADMIN_PASSWORD`, a typed one, or a
///   printed one-time password that must be changed at first sign-in. Never a default.
/// - Users but no active administrator (someone ran `user add` before the first start): with
///   `RAPPORT_ADMIN_PASSWORD` set, `admin` is created with it; without, a warning says how to get one.
/// - An administrator exists and `RAPPORT_ADMIN_PASSWORD` is set: a notice says it was ignored.
enum AdminBootstrap {
    static func run(_ app: Rapport, interactive: Bool) async throws {
        let fromEnvironment = ProcessInfo.processInfo.environment["RAPPORT_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if try await !app.operations.hasUsers() {
            var password = fromEnvironment
            if password == nil, interactive,
               let typed = Runtime.promptPassword("No users yet. Choose a password for 'admin' (empty for a one-time one): "),
               !typed.isEmpty {
                password = typed
            }
            guard let created = try await app.accounts.bootstrapAdmin(password: password) else { return }
            report(created)
            return
        }
        if try await app.operations.firstAdmin() != nil {
            if fromEnvironment != nil {
                Console.line("Note: RAPPORT_ADMIN_PASSWORD is ignored because an administrator exists already "
                      + "(change a password with `rapport user passwd <username>`).")
            }
            return
        }
        guard let password = fromEnvironment else {
            Console.line("""
                Warning: there are users but no active administrator, so nobody can manage users or settings.
                Set RAPPORT_ADMIN_PASSWORD and start again to create 'admin', or run
                `rapport user add <username> --role admin`.
                """)
            return
        }
        if try await app.accounts.user(username: "admin") != nil {
            Console.line("Warning: RAPPORT_ADMIN_PASSWORD is set but the username 'admin' belongs to a user who is not an "
                  + "active administrator; run `rapport user add <username> --role admin` instead.")
            return
        }
        report(try await app.accounts.createUnchecked(
            NewUser(username: "admin", displayName: "Administrator", role: .admin, password: password)))
    }

    private static func report(_ created: (user: User, oneTimePassword: String?)) {
        if let oneTime = created.oneTimePassword {
            Console.line("""
                Created the administrator.
                  username: admin
                  one-time password: \(oneTime)
                Sign in and choose a new password; this one is shown only now.
                """)
        } else {
            Console.line("Created the administrator 'admin' with the password from RAPPORT_ADMIN_PASSWORD (or the one typed).")
        }
    }
}
