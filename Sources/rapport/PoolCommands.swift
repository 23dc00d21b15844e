import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport pool`: the public pool from the command line.
struct PoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "The public pool (公海): list members, run a recycle pass, claim a customer.",
        subcommands: [PoolRecycleCommand.self, PoolListCommand.self, PoolClaimCommand.self])
}

/// `rapport pool recycle [--dry-run]`: one recycle pass now, printing what it recycled and warned about.
struct PoolRecycleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recycle",
        abstract: "Run a recycle pass now (tab-separated: action, customer, owner, reason, days left).")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Only print what would be recycled or warned about") var dryRun = false

    func run() async throws {
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let started = Date()
            let report = try await app.background.runRecyclePass(dryRun: dryRun)
            let seconds = Date().timeIntervalSince(started)
            var names: [UserID: String] = [:]
            for (action, items) in [("recycle", report.recycled), ("warn", report.warned)] {
                for item in items {
                    if names[item.ownerID] == nil { names[item.ownerID] = try await app.operations.allUsers().first { $0.id == item.ownerID }?.username }
                    print([action, item.customerName, names[item.ownerID] ?? "-", item.reason.rawValue,
                           item.daysLeft.map(String.init) ?? "-"].joined(separator: "\t"))
                }
            }
            let verb = dryRun ? "would recycle" : "recycled"
            let summary = "\(verb) \(report.recycled.count), warned \(report.warned.count), judged \(report.judged) in "
                + String(format: "%.2f s\n", seconds)
            FileHandle.standardError.write(Data(summary.utf8))
        }
    }
}

/// `rapport pool list [--pool NAME]`: the customers in a pool now, newest first.
struct PoolListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a pool's customers (tab-separated: entered, customer id, name, industry, region, previous owner).")

    @OptionGroup var common: CommonOptions
    @Option(help: "The pool's name. Default: the default pool") var pool: String?
    @Option(help: "At most this many lines") var limit = 200

    func run() async throws {
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let acting = try await Runtime.acting(app, as: nil)
            let pools = try await app.pools.list(acting)
            guard let chosen = pool.map({ name in pools.first { $0.name == name } }) ?? pools.first(where: \.isDefault) else {
                throw ValidationError("--pool: no pool \(pool ?? "") (pools: \(pools.map(\.name).joined(separator: ", ")))")
            }
            var cursor: PageCursor?
            var printed = 0
            let formatter = ISO8601DateFormatter()
            repeat {
                let page = try await app.pools.members(acting, chosen.id, limit: min(200, limit - printed), cursor: cursor)
                for m in page.items {
                    print([formatter.string(from: m.enteredAt), m.customerID.description, m.name, m.industry, m.region,
                           m.previousOwnerName ?? "-"].joined(separator: "\t"))
                }
                printed += page.items.count
                cursor = page.nextCursor.flatMap { PageCursor(token: $0) }
            } while cursor != nil && printed < limit
        }
    }
}

/// `rapport pool claim CUSTOMER --as USER`: claims a customer for a user, within the pool's caps.
struct PoolClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claim", abstract: "Claim a pool customer for a user.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The customer's id") var customer: String
    @Option(name: .customLong("as"), help: "The claiming user (a username)") var asUser: String

    func run() async throws {
        guard let id = CustomerID(customer) else { throw ValidationError("CUSTOMER: not a customer id") }
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let acting = try await Runtime.acting(app, as: asUser)
            do {
                let claimed = try await app.pools.claim(acting, id)
                print("\(claimed.name)\t\(acting.user.username)")
            } catch let error as AppError {
                try await app.operations.close()
                throw CommandError("not claimed: \(error)")
            }
        }
    }
}
