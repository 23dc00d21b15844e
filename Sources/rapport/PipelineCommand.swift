import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport pipeline [--user NAME] [--mine]`: the deals pipeline as the user sees it, one line per
/// stage (tab-separated: place, stage, probability %, open deals, amount, weighted amount), then the totals.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Print the deals pipeline per stage: count, amount and weighted amount of open deals.")

    @OptionGroup var common: CommonOptions
    @Option(help: "See it as this user (default: the first administrator)") var user: String?
    @Flag(help: "Only the user's own deals") var mine = false

    func run() async throws {
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let acting = try await Runtime.acting(app, as: user)
            let board = try await app.pipeline.board(acting, ownerID: mine ? acting.id : nil, perStage: 0)
            func money(_ totals: [MoneyTotal], _ value: (MoneyTotal) -> Int64) -> String {
                totals.isEmpty ? "0.00" : totals.map { MinorUnits.display(value($0), currency: $0.currency) }.joined(separator: " + ")
            }
            for column in board.columns {
                print([String(column.stage.position), column.stage.nameZh + " / " + column.stage.nameEn,
                       String(column.stage.probability), String(column.count), money(column.totals, \.amount),
                       money(column.totals, \.weighted)].joined(separator: "\t"))
            }
            print(["", "total", "", String(board.columns.reduce(0) { $0 + $1.count }), money(board.totals, \.amount),
                   money(board.totals, \.weighted)].joined(separator: "\t"))
        }
    }
}
