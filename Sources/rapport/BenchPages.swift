import Foundation
import RapportApp
import RapportCore
import RapportStore

/// `rapport bench --pages`: the pages a rep loads all day, as their browser does (session
/// cookie), on the dataset in `--dir` (made by a full run and `--lifecycle`). With `--baseline
/// <binary>` the same requests go to a server started from that other build as well, in
/// alternating rounds, so that a change's effect is a ratio measured in one run on one machine.
enum BenchPages {
    /// The URLs measured, with a label: the customer page of one of the rep's customers with an
    /// open deal, the customer list, the agenda, the kanban (own and all) and the pool.
    static func scenarios(_ app: Rapport, rep: User) async throws -> [(label: String, path: String)] {
        let acting = try await app.acting(rep)
        var filter = DealFilter()
        filter.ownerID = rep.id
        filter.state = .open
        guard let deal = try await app.deals.search(acting, filter, limit: 1, cursor: nil).items.first else {
            throw BenchError("the measured rep has no open deal: run --lifecycle first")
        }
        return [
            ("customer page /customers/{id}", "/customers/\(deal.customerID)"),
            ("customer list /customers", "/customers"),
            ("agenda page /agenda", "/agenda"),
            ("kanban /deals (own deals)", "/deals"),
            ("kanban /deals?owner=all", "/deals?owner=all"),
            ("pool page /pool", "/pool"),
        ]
    }

    /// Measures every scenario against each server in turn, `rounds` times; prints p50/p99 per
    /// build and, with a baseline, this build's p50 as a share of the baseline's.
    static func measure(database: String, port: Int, requests: Int, cookie: String,
                        scenarios: [(label: String, path: String)], baseline: String?, rounds: Int = 2) async throws {
        let current = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let builds: [(name: String, binary: String)] = baseline.map { [("baseline", $0), ("this build", current)] }
            ?? [("this build", current)]
        var p50s: [String: [String: [Double]]] = [:]
        for round in 1...rounds {
            for build in builds {
                let server = try BenchServer.start(database: database, port: port, binary: build.binary)
                defer { server.terminate() }
                try await BenchServer.waitUntilHealthy(port: port)
                for scenario in scenarios {
                    let result = try await BenchHTTP.measure(count: requests, header: "Cookie: rapport_session=\(cookie)",
                                                             url: { _ in "http://127.0.0.1:\(port)\(scenario.path)" })
                    p50s[scenario.label, default: [:]][build.name, default: []].append(result.p50)
                    say(String(format: "round %d, %@, %@: p50 %.2f ms, p99 %.2f ms (%d requests)",
                               round, build.name, scenario.label, result.p50, result.p99, requests))
                }
                server.terminate()
                server.waitUntilExit()
            }
        }
        guard baseline != nil else { return }
        for scenario in scenarios {
            let mine = p50s[scenario.label]?["this build"] ?? []
            let theirs = p50s[scenario.label]?["baseline"] ?? []
            guard let best = mine.min(), let base = theirs.min(), base > 0 else { continue }
            say(String(format: "%@: best p50 %.2f ms vs baseline %.2f ms (%.0f %%)", scenario.label, best, base, best / base * 100))
        }
    }
}
