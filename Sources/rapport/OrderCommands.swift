import ArgumentParser
import Foundation
import RapportApp

extension ImportCommand {
    /// `rapport import orders FILE [--dry-run]`.
    struct Orders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "orders",
            abstract: "Import orders, one row per line (订单号, 客户名称/客户编号, 订单日期, 产品编码/品名, 数量, 单价, 单位成本, 销售代表, 状态); rows with the same order number form one order.")
        @OptionGroup var options: SimpleImportOptions

        func run() async throws {
            try await options.run { app, acting, data in
                try await app.orders.importFile(acting, data: data, fileName: options.file, dryRun: options.dryRun)
            }
        }
    }
}
