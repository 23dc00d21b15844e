import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport user add|passwd|list|disable`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.",
                                                    subcommands: [Add.self, Passwd.self, List.self, Disable.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user. Without --password a one-time password is printed.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Username") var username: String
        @Option(help: "rep, manager or admin") var role: String = "rep"
        @Option(help: "Team name") var team: String?
        @Option(help: "Display name") var displayName: String?
        @Option(help: "Password (prefer the prompt or a one-time password)") var password: String?

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                guard let role = Role(rawValue: role) else { throw ValidationError("--role must be rep, manager or admin") }
                var teamID: TeamID?
                if let team {
                    guard let found = try await app.operations.team(named: team) else {
                        throw CommandError("no team named \(team); create it with `rapport team add`")
                    }
                    teamID = found.id
                }
                do {
                    let created = try await app.accounts.createUnchecked(
                        NewUser(username: username, displayName: displayName, role: role, teamID: teamID, password: password))
                    print("Created \(created.user.username) (\(created.user.role.rawValue)).")
                    if let oneTime = created.oneTimePassword { print("One-time password: \(oneTime)") }
                } catch {
                    throw Runtime.fail(error)
                }
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (prompted when not given).")
        @OptionGroup var common: CommonOptions
        @Argument var username: String
        @Option var password: String?
        @Flag(help: "Also revoke the user's API tokens (scripts using them stop working).") var revokeTokens = false

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                guard let password = password ?? Runtime.promptPassword("New password for \(username): ") else {
                    throw ValidationError("give --password or run in a terminal")
                }
                do {
                    let revoked = try await app.accounts.resetPasswordFromCLI(username: username, password: password,
                                                                              revokeTokens: revokeTokens)
                    if revokeTokens {
                        print("Password changed; the user's sessions were ended and \(revoked) API token(s) revoked.")
                    } else {
                        print("Password changed; the user's sessions were ended. Their API tokens still work "
                              + "(add --revoke-tokens to revoke them).")
                    }
                } catch {
                    throw Runtime.fail(error)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                let users = try await app.operations.allUsers()
                let teams = Dictionary(uniqueKeysWithValues: try await app.operations.allTeams().map { ($0.id, $0.name) })
                Console.table(["USERNAME", "ROLE", "TEAM", "STATE", "DISPLAY NAME"], users.map { user in
                    [user.username, user.role.rawValue, user.teamID.flatMap { teams[$0] } ?? "-",
                     user.disabled ? "disabled" : (user.mustChangePassword ? "must change password" : "active"), user.displayName]
                })
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user (they can no longer sign in).")
        @OptionGroup var common: CommonOptions
        @Argument var username: String

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                let admin = try await Runtime.acting(app, as: nil)
                guard let user = try await app.accounts.user(username: username) else { throw CommandError("no such user \(username)") }
                do {
                    _ = try await app.accounts.update(admin, user.id, UserChanges(disabled: true), version: user.version)
                    print("Disabled \(username).")
                } catch {
                    throw Runtime.fail(error)
                }
            }
        }
    }
}

extension UserCommand {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a personal API token for a user (printed once).")
        @OptionGroup var common: CommonOptions
        @Argument var username: String
        @Option(help: "What the token is for") var name: String = "cli"

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                let acting = try await Runtime.acting(app, as: username)
                do {
                    print(try await app.auth.createToken(acting, name: name).token)
                } catch {
                    throw Runtime.fail(error)
                }
            }
        }
    }
}

/// `rapport team add|list`.
struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "team", abstract: "Manage teams.",
                                                    subcommands: [Add.self, List.self, Manager.self])

    struct Manager: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a manager (or admin) the manager of a team.")
        @OptionGroup var common: CommonOptions
        @Argument var team: String
        @Argument var username: String

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                let admin = try await Runtime.acting(app, as: nil)
                guard let found = try await app.operations.team(named: team) else { throw CommandError("no team named \(team)") }
                guard let user = try await app.accounts.user(username: username) else { throw CommandError("no such user \(username)") }
                do {
                    _ = try await app.teams.update(admin, found.id, name: nil, managerID: .some(user.id), version: found.version)
                    print("\(username) now manages \(team).")
                } catch {
                    throw Runtime.fail(error)
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a team.")
        @OptionGroup var common: CommonOptions
        @Argument var name: String
        @Option(help: "Manager's username") var manager: String?

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                var managerID: UserID?
                if let manager {
                    guard let user = try await app.accounts.user(username: manager) else { throw CommandError("no such user \(manager)") }
                    managerID = user.id
                }
                do {
                    let team = try await app.teams.create(nil, name: name, managerID: managerID)
                    print("Created team \(team.name).")
                } catch {
                    throw Runtime.fail(error)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List teams.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                let users = Dictionary(uniqueKeysWithValues: try await app.operations.allUsers().map { ($0.id, $0.username) })
                Console.table(["TEAM", "MANAGER"], try await app.operations.allTeams().map { team in
                    [team.name, team.managerID.flatMap { users[$0] } ?? "-"]
                })
            }
        }
    }
}
