import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import RapportApp
import RapportCore
import RapportFiles
import RapportStore
import SQLKit

/// Generated benchmark rows.
enum BenchData {
    static let searchTerms = ["华信", "恒达", "阿里", "东方", "瑞丰", "金桥"].map { $0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0 }
    /// The same names by pinyin and by initials (华信 huaxin hx, 恒达 hengda hd…).
    static let pinyinTerms = ["huaxin", "hengda", "alibaba", "dongfang", "hx", "hd", "rf", "jinqiao"]
    static let regionsEncoded = DemoData.regions.map { $0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0 }

    static func customerTable(count: Int) -> Table {
        var rng = SeededGenerator(seed: 42)
        let header = ["客户名称", "客户类型", "行业", "地区", "来源", "标签", "状态", "电话", "邮箱", "需求"]
        var rows: [[String]] = []
        rows.reserveCapacity(count)
        for index in 0..<count {
            rows.append([
                DemoData.companyName(&rng) + " \(index)", "企业", DemoData.pick(DemoData.industries, &rng),
                DemoData.pick(DemoData.regions, &rng), DemoData.pick(DemoData.sources, &rng), "重点",
                DemoData.pick(["潜在", "跟进中", "已成交", "休眠", "流失"], &rng), "138" + String(format: "%08d", index),
                "buyer\(index)@example.com", "每季度采购",
            ])
        }
        return Table(header: header, rows: rows)
    }
}

/// The baseline: the same rows straight into the customers table in one transaction.
enum BenchRawInsert {
    static func run(table: Table, path: String, logger: Logger) async throws -> TimeInterval {
        let store = try await Store.open(.sqlite(path: path), logger: logger)
        try await Migrator(store: store, now: { Date() }).migrate()
        let rows = table.rows
        let start = Date()
        try await store.systemWrite(.command("bench")) { session in
            try await session.rawBenchInsert(rows: rows)
        }
        let seconds = Date().timeIntervalSince(start)
        try await store.close()
        return seconds
    }
}

enum BenchSetup {
    /// The bench database with the app on it; the store is kept for the bulk loaders, which write
    /// through the store's system session (`.command("bench")`), never as a user.
    static func openApp(path: String, logger: Logger) async throws -> (Rapport, Store) {
        let store = try await Store.open(.sqlite(path: path), logger: logger)
        try await Migrator(store: store, now: { Date() }).migrate()
        return (Rapport(store: store, env: .init(now: { Date() }, newUUID: { UUID() }), logger: logger, bcryptCost: 4), store)
    }

    struct Users {
        let admin: Acting
        let reps: [UserID]
        let measured: UserID
        let measuredActing: Acting
    }

    static func users(_ app: Rapport, reps: Int) async throws -> Users {
        guard let admin = try await app.accounts.bootstrapAdmin(password: "bench-admin-password")?.user else { throw BenchError("the bench database is not empty") }
        let acting = try await app.acting(admin)
        let team = try await app.teams.create(acting, name: "Bench", managerID: nil)
        var ids: [UserID] = []
        for index in 0..<reps {
            let user = try await app.accounts.create(acting, NewUser(username: "rep\(index)", role: .rep, teamID: team.id, password: "bench-password-\(index)"))
            ids.append(user.user.id)
        }
        return Users(admin: acting, reps: ids, measured: ids[0], measuredActing: try await app.acting(try await app.accounts.get(acting, ids[0])))
    }

    /// The admin and reps an earlier run created (`rep0` is the measured one).
    static func existingUsers(_ app: Rapport) async throws -> Users {
        let all = try await app.operations.allUsers()
        guard let admin = all.first(where: { $0.role == .admin }) else { throw BenchError("no bench data") }
        let reps = all.filter { $0.username.hasPrefix("rep") }
            .sorted { (Int($0.username.dropFirst(3)) ?? 0) < (Int($1.username.dropFirst(3)) ?? 0) }
        guard let first = reps.first else { throw BenchError("no bench reps") }
        return Users(admin: try await app.acting(admin), reps: reps.map(\.id), measured: first.id,
                     measuredActing: try await app.acting(first))
    }

    /// Gives `repCustomers` customers to the measured rep and spreads the rest.
    static func distribute(_ store: Store, reps: [UserID], measured: UserID, repCustomers: Int) async throws {
        try await store.systemWrite(.command("bench")) { session in
            try await session.rawBenchDistribute(reps: reps, measured: measured, first: repCustomers)
        }
    }

    /// Promises, personalities, birthdays and planned visits (see `rawBenchRelationships`).
    static func relationships(_ app: Rapport, _ store: Store, measured: User) async throws {
        let started = Date()
        let today = app.today(for: measured)
        try await store.systemWrite(.command("bench")) { session in
            try await session.rawBenchRelationships(today: today, measured: measured.id, planned: 20)
        }
        say(String(format: "promises, personalities, care dates and planned visits written in %.1f s", Date().timeIntervalSince(started)))
    }

    static func children(_ store: Store, contacts: Int, activities: Int, users: [UserID]) async throws {
        try await store.systemWrite(.command("bench")) { session in
            try await session.rawBenchChildren(contacts: contacts, activities: activities, users: users)
        }
    }
}

/// The server under test, as its own process.
enum BenchServer {
    /// Starts `binary` (default: this one) as `rapport serve` on `database`.
    static func start(database: String, port: Int, binary: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary ?? CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["serve", "--database", database, "--port", String(port), "--log-level", "warning"]
        try process.run()
        return process
    }

    /// Polls `/health` until the server answers 200 (connection refused while it starts is expected).
    static func waitUntilHealthy(port: Int) async throws {
        guard let url = URL(string: "http://127.0.0.1:\(port)/health") else { throw BenchError("bad port \(port)") }
        var lastError: (any Error)?
        for _ in 0..<300 {
            do {
                let (_, response) = try await URLSession.shared.data(from: url)
                if (response as? HTTPURLResponse)?.statusCode == 200 { return }
            } catch {
                lastError = error
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("the server did not become healthy: \(lastError.map { "\($0)" } ?? "no answer")")
    }

    /// The resident set size of a process, from /proc (Linux).
    static func rssMegabytes(pid: Int32) throws -> String {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = line.split(separator: " ").compactMap({ Int($0) }).first else { throw BenchError("no VmRSS for \(pid)") }
        return String(format: "%.1f", Double(kb) / 1024)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}

enum BenchHTTP {
    struct Result { let p50: Double; let p99: Double }

    static func measure(count: Int, token: String, url: (Int) -> String) async throws -> Result {
        try await measure(count: count, header: "Authorization: Bearer \(token)", url: url)
    }

    /// Times `count` GETs (after 20 warm-up requests) sending one header line ("Name: value").
    static func measure(count: Int, header: String, url: (Int) -> String) async throws -> Result {
        let parts = header.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw BenchError("bad header \(header)") }
        var times: [Double] = []
        times.reserveCapacity(count)
        for index in 0..<(count + 20) {
            guard let target = URL(string: url(index)) else { continue }
            var request = URLRequest(url: target)
            request.setValue(parts[1], forHTTPHeaderField: parts[0])
            let start = DispatchTime.now().uptimeNanoseconds
            let (_, response) = try await URLSession.shared.data(for: request)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else { throw BenchError("\(target) answered \(status)") }
            if index >= 20 { times.append(elapsed) }
        }
        times.sort()
        return Result(p50: times[times.count / 2], p99: times[min(times.count - 1, Int(Double(times.count) * 0.99))])
    }
}
