import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The lifecycle report reads kept tallies (`stage_tallies`, `stage_flow_tallies`) instead of
/// counting every customer: after every kind of write that moves a customer between owners,
/// teams, stages or liveness, the tallies must equal the same report counted the slow way, for
/// every role's scope.
@Suite struct StageTallyTests {
    private typealias J = [String: any Sendable]

    /// Stage counts and moves as comparable sets (the two queries order a first move's empty "from"
    /// differently on the two engines).
    private struct Report: Equatable {
        var stages: [String: Int]
        var moves: Set<String>

        init(_ summary: LifecycleSummary) {
            stages = Dictionary(uniqueKeysWithValues: summary.stages.map { ($0.stage.rawValue, $0.count) })
            moves = Set(summary.flow.map { "\($0.month) \($0.from?.rawValue ?? "-") → \($0.to.rawValue) × \($0.count)" })
        }
    }

    private func expectTalliesMatch(_ api: APIHarness, after step: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let world = api.world
        for (name, acting) in [("admin", world.admin), ("mia", world.mia), ("alice", world.alice), ("bob", world.bob),
                               ("carol", world.carol)] {
            let (kept, counted) = try await world.db.store.read(as: acting.viewer) { session in
                (try await session.lifecycleSummary(fromMonth: "2000-01"), try await session.lifecycleSummaryCounted(fromMonth: "2000-01"))
            }
            #expect(Report(kept) == Report(counted), "\(name) after \(step)", sourceLocation: sourceLocation)
        }
    }

    private func order(_ api: APIHarness, _ customer: String, daysAgo: Int) async throws {
        let id = try #require(CustomerID(customer))
        _ = try await api.world.app.orders.create(api.world.alice, customerID: id, OrderDraft(
            orderedOn: api.today(plus: -daysAgo), lines: [OrderLineDraft(description: "x", quantity: 1, unitPrice: 800)]))
    }

    private func version(_ api: APIHarness, _ client: any TestClientProtocol, _ id: String) async throws -> Int {
        try #require(try await api.call(client, .get, "/api/v1/customers/\(id)", as: "admin").json["version"] as? Int)
    }

    @Test(arguments: TestEngine.available)
    func tallies_equalTheCountedReport_afterEveryKindOfWrite(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let a = try #require(try await api.customer(client, "杭州青禾包装", as: "alice")["id"] as? String)
            let b = try #require(try await api.customer(client, "宁波金桥五金", as: "alice")["id"] as? String)
            let c = try #require(try await api.customer(client, "Blue Harbor Foods", as: "bob")["id"] as? String)
            _ = try await api.customer(client, "West Coast Ltd", as: "carol")
            try await expectTalliesMatch(api, after: "creating customers")

            // Orders move stages (first purchase, repeat buyer…) and write moves.
            try await order(api, a, daysAgo: 400)
            try await order(api, a, daysAgo: 200)
            try await order(api, a, daysAgo: 10)
            try await order(api, b, daysAgo: 30)
            try await expectTalliesMatch(api, after: "orders")

            // A manager hands a customer to another rep; an admin moves one to another team's rep.
            let toBob = try await api.call(client, .patch, "/api/v1/customers/\(b)", as: "mia",
                                           json: ["ownerID": api.world.bob.id.description, "version": try await version(api, client, b)])
            #expect(toBob.status == 200, "\(toBob.text)")
            let toCarol = try await api.call(client, .post, "/api/v1/customers/\(c)/assign", as: "admin",
                                             json: ["userID": api.world.carol.id.description])
            #expect(toCarol.status == 200, "\(toCarol.text)")
            try await expectTalliesMatch(api, after: "reassigning")

            // Deleting and restoring.
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(a)", as: "alice").status == 200)
            try await expectTalliesMatch(api, after: "deleting")
            #expect(try await api.call(client, .post, "/api/v1/customers/\(a)/restore", as: "alice").status == 200)
            try await expectTalliesMatch(api, after: "restoring")

            // Merging two staged customers, and undoing it.
            let merged = try await api.call(client, .post, "/api/v1/customers/merge", as: "mia", json: [
                "survivorID": a, "mergedID": b,
                "versions": [a: try await version(api, client, a), b: try await version(api, client, b)] as J,
            ])
            #expect(merged.status == 201, "\(merged.text)")
            try await expectTalliesMatch(api, after: "merging")
            let mergeID = try #require(merged.string("id"))
            let undone = try await api.call(client, .post, "/api/v1/merges/\(mergeID)/undo", as: "mia")
            #expect(undone.status == 200, "\(undone.text)")
            try await expectTalliesMatch(api, after: "undoing the merge")

            // Into the public pool and out again, across teams.
            let released = try await api.call(client, .post, "/api/v1/customers/\(a)/release", as: "alice", json: ["reason": "test"])
            #expect(released.status == 204, "\(released.text)")
            try await expectTalliesMatch(api, after: "releasing to the pool")
            let claimed = try await api.call(client, .post, "/api/v1/customers/\(a)/claim", as: "carol")
            #expect(claimed.status == 200, "\(claimed.text)")
            try await expectTalliesMatch(api, after: "claiming from the pool")

            // An import, and the full recompute.
            let csv = "客户名称,客户类型,行业\n温州瓯江阀门,企业,阀门\nNorth Star Trading,enterprise,Trade\n"
            let report = try await api.call(client, .post, "/api/v1/customers/import?fileName=t.csv", as: "bob",
                                            raw: Data(csv.utf8), contentType: "text/csv")
            #expect(report.status == 200, "\(report.text)")
            _ = try await api.world.app.background.recomputeAllLifecycles()
            try await expectTalliesMatch(api, after: "an import and a recompute")

            // The report itself: alice's customers gone, carol's counted, admin's total right.
            let summary = try await api.call(client, .get, "/api/v1/lifecycle/summary", as: "admin")
            let stages = try #require(summary.json["stages"] as? [[String: any Sendable]])
            #expect(stages.compactMap { $0["count"] as? Int }.reduce(0, +) == 6)
        }
    }
}
