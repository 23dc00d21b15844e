import Foundation
import Logging
import RapportApp
import RapportCore
import RapportFiles
import RapportStore

/// `rapport bench --child-imports`: on the customers of an earlier `--import-only` run, imports
/// key persons, results and orders (one row per customer, for the first `rows` customers) through
/// the same code as the import page and the API, as the admin, and compares each with a raw insert
/// of the same rows (one prepared statement per row, the customer found by its name key, in one
/// transaction that is then rolled back so the import starts from the same data).
enum BenchImports {
    /// Thrown to roll the raw insert back, carrying its time.
    private struct RolledBack: Error { let seconds: Double }

    static func measure(dir: String, rows: Int, logger: Logger) async throws {
        let (app, store) = try await BenchSetup.openApp(path: "\(dir)/bench.sqlite", logger: logger)
        guard let adminUser = try await app.accounts.user(username: "admin") else {
            throw BenchError("no bench data in \(dir): run --import-only first")
        }
        let admin = try await app.acting(adminUser)
        let names = try await store.systemRead(.command("bench")) { try await $0.benchCustomerNames(limit: rows) }
        say("child imports: \(names.count) rows each, naming the first \(names.count) customers")

        let contacts = names.enumerated().map { index, name in [name, "联系人\(index)", "采购经理", "137" + String(format: "%08d", index)] }
        try await compare("key persons", store: store, header: ["客户名称", "姓名", "职务", "电话"], rows: contacts,
                          raw: { try await $0.rawBenchContacts(contacts) },
                          importer: { try await app.transfers.importContacts(admin, data: $0, fileName: "key-persons.csv") })

        let results = names.enumerated().map { index, name in [name, "2026-0\(index % 9 + 1)-15", "orders", String(index % 40 + 1)] }
        try await compare("results", store: store, header: ["客户名称", "日期", "指标", "数值"], rows: results,
                          raw: { try await $0.rawBenchResults(results) },
                          importer: { try await app.transfers.importResults(admin, data: $0, fileName: "results.csv") })

        let orders = names.enumerated().map { index, name in
            ["BENCH-\(index)", name, "2026-0\(index % 9 + 1)-10", "年度服务", "1", String(100_000 + index % 50 * 1_000)]
        }
        // The import reads prices in currency units, the raw insert takes minor units.
        let orderFile = orders.map { row in [row[0], row[1], row[2], row[3], row[4], String((Int(row[5]) ?? 0) / 100)] }
        try await compare("orders", store: store, header: ["订单号", "客户名称", "订单日期", "产品名称", "数量", "单价"], rows: orderFile,
                          raw: { try await $0.rawBenchOrders(orders) },
                          importer: { try await app.orders.importFile(admin, data: $0, fileName: "orders.csv") })
        try await app.operations.close()
    }

    private static func compare(_ label: String, store: Store, header: [String], rows: [[String]],
                                raw: @escaping @Sendable (SystemSession) async throws -> Void,
                                importer: (Data) async throws -> ImportReport) async throws {
        let rawStart = Date()
        var rawSeconds = 0.0
        do {
            try await store.systemWrite(.command("bench")) { session in
                try await raw(session)
                throw RolledBack(seconds: Date().timeIntervalSince(rawStart))
            }
        } catch let done as RolledBack {
            rawSeconds = done.seconds
        }
        let data = CSVWriter.write(Table(header: header, rows: rows))
        let start = Date()
        let report = try await importer(data)
        let seconds = Date().timeIntervalSince(start)
        let rawRate = Double(rows.count) / rawSeconds, rate = Double(report.imported) / seconds
        say(String(format: "%@: raw insert %.0f rows/s; import %.0f rows/s (%d imported, %d rejected, %d duplicates, %.1f s) = %.0f%% of raw",
                   label, rawRate, rate, report.imported, report.rejected.count, report.duplicates.count, seconds, 100 * rate / rawRate))
    }
}
