import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport lifecycle`: the eight lifecycle stages from the command line.
struct LifecycleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecycle",
        abstract: "Customer lifecycle stages (客户的八个阶段).",
        subcommands: [LifecycleRecomputeCommand.self])
}

/// `rapport lifecycle recompute`: every customer's stage from its facts now; prints the customers
/// per stage, the changes written and the time taken.
struct LifecycleRecomputeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recompute",
        abstract: "Recompute every customer's stage (tab-separated: stage, customers, changed into it).")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            do {
                let recount = try await app.background.recomputeAllLifecycles()
                let summary = try await app.lifecycles.summary(try await Runtime.acting(app, as: nil), months: 1)
                for entry in summary.stages {
                    print([entry.stage.rawValue, String(entry.count), String(recount.changedInto[entry.stage.rawValue] ?? 0)]
                        .joined(separator: "\t"))
                }
                print(String(format: "examined %d, changed %d in %.2f s", recount.examined, recount.changed, recount.seconds))
            } catch {
                try await app.operations.close()
                throw Runtime.fail(error)
            }
        }
    }
}
