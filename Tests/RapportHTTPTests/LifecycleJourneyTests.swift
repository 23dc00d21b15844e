import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore

/// Issue 4's "done when", in one journey through the API: a rep claims a customer from the pool
/// (and is stopped at the cap), works a deal across the pipeline to won, the order and its payment
/// plan appear, and the customer's stage moves from prospect to first purchase and then to repeat
/// buyer, each change kept in the history with its reason.
@Suite struct LifecycleJourneyTests {
    private typealias J = [String: any Sendable]
    private static let stages = ["00000000-0000-4000-8000-00000000d002", "00000000-0000-4000-8000-00000000d003",
                                 "00000000-0000-4000-8000-00000000d004", "00000000-0000-4000-8000-00000000d005"]

    private func stage(_ api: APIHarness, _ client: any TestClientProtocol, _ id: String) async throws -> (String, J) {
        let view = try await api.call(client, .get, "/api/v1/customers/\(id)/lifecycle", as: "bob")
        let lifecycle = view.json["lifecycle"] as? J ?? [:]
        return (lifecycle["stage"] as? String ?? "", lifecycle["reason"] as? J ?? [:])
    }

    @Test(arguments: TestEngine.available)
    func claimWorkWinOrder_movesTheStage_prospectToFirstPurchaseToRepeatBuyer(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            try await PoolAPITests.rules(api, client, ["dailyClaimCap": 1, "holdingCap": 10])
            let first = try await PoolAPITests.pooled(api, client, "苏州恒达精密机械有限公司")
            let second = try await PoolAPITests.pooled(api, client, "无锡华光电子有限公司")
            #expect(try await PoolAPITests.claim(api, client, first, as: "bob").status == 200)
            let capped = try await PoolAPITests.claim(api, client, second, as: "bob")
            #expect(capped.status == 422)
            #expect(PoolAPITests.problem(capped) == ["customer", "poolDailyCap"])
            #expect(try await api.call(client, .get, "/api/v1/customers/\(first)", as: "bob").string("ownerID")
                    == api.world.bob.id.description)
            #expect(try await stage(api, client, first).0 == "suspect")

            // A deal makes it a prospect; it moves across the stages and is won.
            let created = try await api.call(client, .post, "/api/v1/customers/\(first)/deals", as: "bob",
                                             json: ["title": "数控设备年度采购", "stageID": "00000000-0000-4000-8000-00000000d001",
                                                    "amount": 12_000_000])
            #expect(created.status == 201, "\(created.text)")
            let deal = try #require(created.string("id"))
            #expect(try await stage(api, client, first).0 == "prospect")
            var version = 1
            for stageID in Self.stages {
                let moved = try await api.call(client, .post, "/api/v1/deals/\(deal)/move", as: "bob",
                                               json: ["stageID": stageID, "version": version])
                #expect(moved.status == 200, "\(moved.text)")
                version = moved.json["version"] as? Int ?? version + 1
            }
            let won = try await api.call(client, .post, "/api/v1/deals/\(deal)/win", as: "bob",
                                         json: ["reason": "交期最短", "version": version])
            #expect(won.status == 200, "\(won.text)")
            // Won, order not written yet: still a prospect (not back to suspect).
            #expect(try await stage(api, client, first).0 == "prospect")
            let ordered = try await api.call(client, .post, "/api/v1/deals/\(deal)/order", as: "bob",
                                             json: ["version": won.json["version"] as? Int ?? 0])
            #expect(ordered.status == 201, "\(ordered.text)")
            let orderID = try #require(ordered.string("orderID"))

            // The order and its payment plan are there: one instalment for the whole amount.
            let order = try await api.call(client, .get, "/api/v1/orders/\(orderID)", as: "bob")
            #expect(order.json["revenue"] as? Int == 12_000_000)
            let plan = try await api.call(client, .get, "/api/v1/orders/\(orderID)/payment-plan", as: "bob")
            let instalments = plan.json["instalments"] as? [J] ?? []
            #expect(instalments.count == 1)
            #expect(instalments.first?["amount"] as? Int == 12_000_000)
            #expect(instalments.first?["state"] as? String == "pending")

            let (afterFirst, reason) = try await stage(api, client, first)
            #expect(afterFirst == "firstPurchase")
            #expect(reason["code"] as? String != nil)

            // A second order makes it a repeat buyer.
            let again = try await api.call(client, .post, "/api/v1/customers/\(first)/orders", as: "bob",
                                           json: ["lines": [["description": "备件", "quantity": 2, "unitPrice": 150_000] as J]])
            #expect(again.status == 201, "\(again.text)")
            #expect(try await stage(api, client, first).0 == "repeatBuyer")
            let view = try await api.call(client, .get, "/api/v1/customers/\(first)/lifecycle", as: "bob")
            let history = (view.json["history"] as? [J] ?? []).compactMap { $0["to"] as? String }
            #expect(Array(history.prefix(3)) == ["repeatBuyer", "firstPurchase", "prospect"], "\(history)")
            // Carol, of another team, sees none of it.
            #expect(try await api.call(client, .get, "/api/v1/customers/\(first)/lifecycle", as: "carol").status == 404)
        }
    }
}
