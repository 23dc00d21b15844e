import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RapportApp
import RapportCore
import RapportFiles
import RapportStore
import Logging

/// `rapport bench`: generates a dataset and measures import throughput against a raw bulk
/// insert, list/filter/search latency through HTTP on loopback, and the server's memory.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure import rate, list/filter/search latency over HTTP and server memory on generated data.",
        discussion: "Works in a scratch folder (--dir). Figures go to stdout; record them in docs/benchmarks.md.")

    @Option(help: "Customers to generate") var customers: Int = 1_000_000
    @Option(help: "Key persons per customer") var contacts: Int = 2
    @Option(help: "Activities per customer") var activities: Int = 10
    @Option(help: "Customers owned by the measured rep (the rest spread over 199 other reps)") var repCustomers: Int = 5000
    @Option(help: "Requests per latency scenario") var requests: Int = 500
    @Option(help: "Scratch folder (deleted first)") var dir: String = "./bench-data"
    @Option(help: "Port for the measured server") var port: Int = 18_080
    @Flag(help: "Reuse the dataset already in --dir and only measure the server (latency and memory)") var latencyOnly = false
    @Flag(help: "Stop after the import figure (no key persons, activities or server)") var importOnly = false
    @Flag(help: "Only measure the tone check (in process, no data)") var toneOnly = false
    @Flag(help: "Issue 4: on the dataset in --dir, add orders, deals and the pool (once), then measure pipeline, pool list, recycle pass and lifecycle recomputation") var lifecycle = false
    @Option(help: "With --lifecycle: orders per customer") var orders: Int = 10
    @Flag(help: "Reuse the customers imported by an earlier --import-only run in --dir: add owners, key persons, activities, relationships, then measure") var reuseImport = false
    @Flag(help: "On the dataset in --dir (after --lifecycle): measure the rep's daily pages (customer page, list, agenda, kanban, pool)") var pages = false
    @Option(help: "With --pages: another rapport binary (an earlier build) to measure in alternating rounds, for a before/after ratio") var baseline: String?
    @Flag(help: "On the customers of an earlier --import-only run in --dir: import key persons, results and orders (--customers rows each) and compare each with a raw insert") var childImports = false

    func run() async throws {
        if toneOnly {
            try BenchTone.measure()
            return
        }
        if lifecycle {
            try await measureLifecycle()
            return
        }
        if childImports {
            var logger = try CommonOptions.parse([]).logger(label: "bench")
            logger.logLevel = .warning
            try await BenchImports.measure(dir: dir, rows: customers, logger: logger)
            return
        }
        if pages {
            try await measurePages()
            return
        }
        if reuseImport {
            let started = Date()
            var logger = try CommonOptions.parse([]).logger(label: "bench")
            logger.logLevel = .warning
            let dbPath = "\(dir)/bench.sqlite"
            let (app, store) = try await BenchSetup.openApp(path: dbPath, logger: logger)
            let setup = try await BenchSetup.existingUsers(app)
            try await fill(app, store, setup)
            let token = try await app.auth.createToken(setup.measuredActing, name: "bench").token
            try await app.operations.close()
            try await measureServer(database: dbPath, token: token, started: started)
            return
        }
        if latencyOnly {
            let logger = try CommonOptions.parse([]).logger(label: "bench")
            let dbPath = "\(dir)/bench.sqlite"
            let (app, store) = try await BenchSetup.openApp(path: dbPath, logger: logger)
            guard let rep = try await app.accounts.user(username: "rep0") else { throw BenchError("no bench data in \(dir)") }
            if try await !store.systemRead(.command("bench"), { try await $0.benchHasRelationships() }) {
                try await BenchSetup.relationships(app, store, measured: rep)
            }
            let token = try await app.auth.createToken(try await app.acting(rep), name: "bench").token
            try await app.operations.close()
            try await measureServer(database: dbPath, token: token, started: Date())
            return
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: dir) { try fm.removeItem(atPath: dir) }
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var logger = try CommonOptions.parse([]).logger(label: "bench")
        logger.logLevel = .warning
        say("machine: \(ProcessInfo.processInfo.processorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB")
        say("data: \(customers) customers × \(contacts) contacts × \(activities) activities")

        // 1. The CSV files the import reads (100,000 rows each, under the upload limit), and the
        //    same rows for the raw insert.
        let started = Date()
        let table = BenchData.customerTable(count: customers)
        var files: [(path: String, data: Data)] = []
        var start = 0
        while start < table.rows.count {
            let part = Table(header: table.header, rows: Array(table.rows[start..<min(table.rows.count, start + 100_000)]))
            let path = "\(dir)/customers-\(files.count + 1).csv"
            let data = CSVWriter.write(part)
            try data.write(to: URL(fileURLWithPath: path))
            files.append((path, data))
            start += 100_000
        }
        say(String(format: "generated %d rows (%d CSV files, %.1f MB) in %.1f s", table.rows.count, files.count,
                   Double(files.reduce(0) { $0 + $1.data.count }) / 1e6, Date().timeIntervalSince(started)))

        // 2. Raw bulk insert of the same rows in one transaction: the baseline.
        let raw = try await BenchRawInsert.run(table: table, path: "\(dir)/raw.sqlite", logger: logger)
        say(String(format: "raw insert: %.0f rows/s (%.1f s)", Double(table.rows.count) / raw, raw))

        // 3. The real import path (parse, map, validate, duplicate check, insert, search index).
        let dbPath = "\(dir)/bench.sqlite"
        let (app, store) = try await BenchSetup.openApp(path: dbPath, logger: logger)
        let setup = try await BenchSetup.users(app, reps: 200)
        let dryStart = Date()
        _ = try await app.transfers.importCustomers(setup.admin, data: files[0].data, fileName: files[0].path,
                                          options: ImportOptions(dryRun: true, allowDuplicates: true, batchSize: 5000))
        say(String(format: "import dry run of the first file (parse, map, validate, duplicate check; no writes): %.1f s",
                   Date().timeIntervalSince(dryStart)))
        let importStart = Date()
        var imported = 0
        for file in files {
            let report = try await app.transfers.importCustomers(setup.admin, data: file.data, fileName: file.path,
                                                       options: ImportOptions(allowDuplicates: true, batchSize: 5000))
            imported += report.imported
        }
        let importSeconds = Date().timeIntervalSince(importStart)
        let importRate = Double(imported) / importSeconds
        say(String(format: "import: %.0f rows/s (%d rows, %.1f s) = %.0f%% of raw", importRate, imported, importSeconds,
                   100 * importRate / (Double(table.rows.count) / raw)))

        if importOnly {
            try await app.operations.close()
            return
        }
        // 4. Spread owners, then contacts, activities and relationship data in bulk.
        try await fill(app, store, setup)
        let token = try await app.auth.createToken(setup.measuredActing, name: "bench").token
        try await app.operations.close()

        try await measureServer(database: dbPath, token: token, started: started)
    }

    /// `--lifecycle`: fills the issue-4 tables once, then measures.
    private func measureLifecycle() async throws {
        var logger = try CommonOptions.parse([]).logger(label: "bench")
        logger.logLevel = .warning
        let (app, store) = try await BenchSetup.openApp(path: "\(dir)/bench.sqlite", logger: logger)
        let rep = try await BenchLifecycle.fill(app, store, ordersPerCustomer: orders)
        try await BenchLifecycle.measureInProcess(app)
        let token = try await app.auth.createToken(try await app.acting(rep), name: "bench").token
        let session = try await app.auth.signIn(username: rep.username, password: "bench-password-0")
        try await app.operations.close()
        let server = try BenchServer.start(database: "\(dir)/bench.sqlite", port: port)
        defer { server.terminate() }
        try await BenchServer.waitUntilHealthy(port: port)
        try await BenchLifecycle.measureServer(port: port, requests: requests, token: token, cookie: session.token)
        try await Task.sleep(for: .seconds(2))
        say("server RSS at idle after the runs: \(try BenchServer.rssMegabytes(pid: server.processIdentifier)) MB")
    }

    /// `--pages`: the rep's daily pages, optionally against a baseline build.
    private func measurePages() async throws {
        var logger = try CommonOptions.parse([]).logger(label: "bench")
        logger.logLevel = .warning
        let (app, store) = try await BenchSetup.openApp(path: "\(dir)/bench.sqlite", logger: logger)
        let rep = try await BenchLifecycle.fill(app, store, ordersPerCustomer: orders)
        let scenarios = try await BenchPages.scenarios(app, rep: rep)
        let session = try await app.auth.signIn(username: rep.username, password: "bench-password-0")
        try await app.operations.close()
        try await BenchPages.measure(database: "\(dir)/bench.sqlite", port: port, requests: requests, cookie: session.token,
                                     scenarios: scenarios, baseline: baseline)
    }

    /// Spreads owners, then writes key persons, activities and relationship data in bulk.
    private func fill(_ app: Rapport, _ store: Store, _ setup: BenchSetup.Users) async throws {
        let fill = Date()
        try await BenchSetup.distribute(store, reps: setup.reps, measured: setup.measured, repCustomers: repCustomers)
        try await BenchSetup.children(store, contacts: contacts, activities: activities, users: setup.reps)
        say(String(format: "owners, contacts and activities written in %.1f s", Date().timeIntervalSince(fill)))
        try await BenchSetup.relationships(app, store, measured: setup.measuredActing.user)
    }

    /// The server as users run it, in its own process; latency over loopback, then memory at idle.
    private func measureServer(database dbPath: String, token: String, started: Date) async throws {
        let server = try BenchServer.start(database: dbPath, port: port)
        defer { server.terminate() }
        try await BenchServer.waitUntilHealthy(port: port)
        let base = "http://127.0.0.1:\(port)/api/v1"
        let scenarios: [(String, (Int) -> String)] = [
            ("list (rep, first page)", { _ in "\(base)/customers?limit=50" }),
            ("list (rep, by -updatedAt)", { _ in "\(base)/customers?limit=50&sort=-updatedAt" }),
            ("filter (rep, status+region)", { i in "\(base)/customers?status=\(CustomerStatus.allCases[i % 5].rawValue)&region=\(BenchData.regionsEncoded[i % BenchData.regionsEncoded.count])" }),
            ("search (rep, 2-char Chinese)", { i in "\(base)/customers?q=\(BenchData.searchTerms[i % BenchData.searchTerms.count])" }),
            ("search (rep, pinyin and initials)", { i in "\(base)/customers?q=\(BenchData.pinyinTerms[i % BenchData.pinyinTerms.count])" }),
            ("search (rep, phone digits)", { i in "\(base)/customers?q=\(1380000 + (i * 7919) % 9999)" }),
            ("agenda (rep)", { _ in "\(base)/agenda" }),
        ]
        for (name, url) in scenarios {
            let result = try await BenchHTTP.measure(count: requests, token: token, url: url)
            say(String(format: "%@: p50 %.2f ms, p99 %.2f ms (%d requests)", name, result.p50, result.p99, requests))
        }
        try BenchTone.measure()
        try await Task.sleep(for: .seconds(2))
        say("server RSS at idle after the runs: \(try BenchServer.rssMegabytes(pid: server.processIdentifier)) MB")
        say(String(format: "total %.0f s", Date().timeIntervalSince(started)))
    }
}

/// Prints a line and flushes at once, so progress shows when the output goes to a file.
func say(_ text: String) {
    print(text)
    fflush(nil)
}
