import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing
import RapportApp

/// Deals (商机): created with checked fields, moved across admin-defined stages with history,
/// closed with a reason, summed per stage, and invisible to reps who cannot see the customer.
@Suite struct DealAPITests {
    static let firstContact = "00000000-0000-4000-8000-00000000d001"
    static let needs = "00000000-0000-4000-8000-00000000d002"
    static let proposal = "00000000-0000-4000-8000-00000000d003"

    static func deal(_ api: APIHarness, _ client: any TestClientProtocol, _ customer: String, _ title: String,
                     as user: String, extra: [String: any Sendable] = [:],
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: any Sendable] {
        var body: [String: any Sendable] = ["title": title, "stageID": firstContact, "amount": 100_000]
        for (key, value) in extra { body[key] = value }
        let reply = try await api.call(client, .post, "/api/v1/customers/\(customer)/deals", as: user, json: body,
                                       sourceLocation: sourceLocation)
        #expect(reply.status == 201, "\(reply.text)", sourceLocation: sourceLocation)
        return reply.json
    }

    @Test(arguments: TestEngine.available)
    func deal_defaultsToTheCustomerOwner_andNamesBadFields(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let other = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let person = try await api.keyPerson(client, customer, "王经理", as: "alice")
            let stranger = try await api.keyPerson(client, other, "Tom", as: "alice")
            let uri = "/api/v1/customers/\(customer)/deals"
            let created = try await api.call(client, .post, uri, as: "mia",
                                             json: ["title": "仓储系统", "stageID": Self.needs, "amount": 5_000_000,
                                                    "expectedCloseOn": api.today(plus: 30).description,
                                                    "nextStep": "约技术交流", "contactIDs": [person]])
            #expect(created.status == 201)
            let id = try #require(created.string("id"))
            #expect(created.headers[.location] == "/api/v1/deals/\(id)")
            #expect(created.string("ownerID") == api.world.alice.id.description)
            #expect(created.string("state") == "open" && created.string("currency") == "CNY")
            #expect(created.json["contactIDs"] as? [String] == [person])

            let unknownStage = try await api.call(client, .post, uri, as: "alice",
                                                  json: ["title": "x", "stageID": "00000000-0000-4000-8000-0000000000ff"])
            #expect(unknownStage.status == 422 && unknownStage.errorFields == ["stageID"])
            let noStage = try await api.call(client, .post, uri, as: "alice", json: ["title": "x"])
            #expect(noStage.errorFields == ["stageID"])
            let foreign = try await api.call(client, .post, uri, as: "alice",
                                             json: ["title": "x", "stageID": Self.needs, "contactIDs": [stranger]])
            #expect(foreign.status == 422 && foreign.errorFields == ["contactIDs"])
            let negative = try await api.call(client, .post, uri, as: "alice",
                                              json: ["title": "x", "stageID": Self.needs, "amount": -5])
            #expect(negative.errorFields == ["amount"])
            let badDate = try await api.call(client, .post, uri, as: "alice",
                                             json: ["title": "x", "stageID": Self.needs, "expectedCloseOn": "2026-02-30"])
            #expect(badDate.status == 400 && badDate.errorFields == ["expectedCloseOn"])

            let patched = try await api.call(client, .patch, "/api/v1/deals/\(id)", as: "alice",
                                             json: ["amount": 6_000_000, "nextStep": "发报价", "expectedCloseOn": NSNull(),
                                                    "contactIDs": [String](), "version": 1])
            #expect(patched.status == 200)
            #expect(patched.json["amount"] as? Int == 6_000_000 && patched.json["expectedCloseOn"] == nil)
            #expect(patched.json["contactIDs"] as? [String] == [])
            let viaPatch = try await api.call(client, .patch, "/api/v1/deals/\(id)", as: "alice",
                                              json: ["stageID": Self.proposal, "version": 2])
            #expect(viaPatch.errorFields == ["stageID"])
            let list = try await api.call(client, .get, "/api/v1/customers/\(customer)/deals", as: "alice")
            #expect(list.items.compactMap { $0["title"] as? String } == ["仓储系统"])
        }
    }

    @Test(arguments: TestEngine.available)
    func moves_areRecorded_closingNeedsAReason_andStaleVersionsConflict(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let id = try #require(try await Self.deal(api, client, customer, "Cold chain", as: "alice")["id"] as? String)
            let base = "/api/v1/deals/\(id)"
            let moved = try await api.call(client, .post, base + "/move", as: "alice", json: ["stageID": Self.proposal, "version": 1])
            #expect(moved.status == 200 && moved.string("stageID") == Self.proposal && moved.json["version"] as? Int == 2)
            let stale = try await api.call(client, .post, base + "/move", as: "alice", json: ["stageID": Self.needs, "version": 1])
            #expect(stale.status == 409 && stale.json["currentVersion"] as? Int == 2)
            let nowhere = try await api.call(client, .post, base + "/move", as: "alice",
                                             json: ["stageID": "00000000-0000-4000-8000-0000000000ff", "version": 2])
            #expect(nowhere.status == 422 && nowhere.errorFields == ["stageID"])
            let noStage = try await api.call(client, .post, base + "/move", as: "alice", json: ["version": 2])
            #expect(noStage.errorFields == ["stageID"])
            let silent = try await api.call(client, .post, base + "/lose", as: "alice", json: ["reason": " ", "version": 2])
            #expect(silent.status == 422 && silent.errorFields == ["reason"])
            let noReason = try await api.call(client, .post, base + "/lose", as: "alice", json: ["version": 2])
            #expect(noReason.errorFields == ["reason"])
            let won = try await api.call(client, .post, base + "/win", as: "alice", json: ["reason": "Best delivery times", "version": 2])
            #expect(won.status == 200 && won.string("state") == "won" && won.string("closeReason") == "Best delivery times")
            #expect(won.string("closedOn") == api.today().description)
            let closedMove = try await api.call(client, .post, base + "/move", as: "alice", json: ["stageID": Self.needs, "version": 3])
            #expect(closedMove.status == 422 && closedMove.errorFields == ["state"])
            let reopened = try await api.call(client, .post, base + "/reopen", as: "alice", json: ["stageID": Self.needs, "version": 3])
            #expect(reopened.status == 200 && reopened.string("state") == "open" && reopened.string("stageID") == Self.needs)
            #expect(reopened.string("closeReason") == "")
            let history = try await api.call(client, .get, base + "/stage-changes", as: "alice")
            #expect(history.items.compactMap { $0["toStageID"] as? String } == [Self.firstContact, Self.proposal, Self.needs])
            #expect(history.items.first?["fromStageID"] == nil)

            let deleted = try await api.call(client, .delete, base, as: "alice")
            #expect(deleted.status == 200 && deleted.string("deletedAt") != nil)
            let open = try await api.call(client, .get, "/api/v1/deals?state=open&owner=me", as: "alice")
            #expect(open.items.isEmpty)
            let restored = try await api.call(client, .post, base + "/restore", as: "alice")
            #expect(restored.status == 200 && restored.json["deletedAt"] == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func aRepWhoCannotSeeTheCustomer_cannotSeeOrWorkItsDeals(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let id = try #require(try await Self.deal(api, client, customer, "五金采购", as: "alice")["id"] as? String)
            let base = "/api/v1/deals/\(id)"
            #expect(try await api.call(client, .get, base, as: "carol").status == 404)
            #expect(try await api.call(client, .post, base + "/move", as: "carol", json: ["stageID": Self.needs, "version": 1]).status == 404)
            #expect(try await api.call(client, .post, base + "/win", as: "carol", json: ["reason": "x", "version": 1]).status == 404)
            #expect(try await api.call(client, .patch, base, as: "carol", json: ["title": "x", "version": 1]).status == 404)
            #expect(try await api.call(client, .delete, base, as: "carol").status == 404)
            #expect(try await api.call(client, .get, base + "/stage-changes", as: "carol").status == 404)
            #expect(try await api.call(client, .post, "/api/v1/customers/\(customer)/deals", as: "carol",
                                       json: ["title": "x", "stageID": Self.needs]).status == 404)
            #expect(try await api.call(client, .get, "/api/v1/deals", as: "carol").items.isEmpty)
            let board = try await api.call(client, .get, "/api/v1/pipeline", as: "carol")
            let counts = (board.json["columns"] as? [[String: any Sendable]] ?? []).compactMap { $0["count"] as? Int }
            #expect(counts.count == 5 && counts.allSatisfy { $0 == 0 })
            // Mia manages alice's team and sees it; a rep cannot hand it to someone outside the customer.
            #expect(try await api.call(client, .get, base, as: "mia").status == 200)
            let handOff = try await api.call(client, .patch, base, as: "alice",
                                             json: ["ownerID": api.world.carol.id.description, "version": 1])
            #expect(handOff.status == 403)
            let toCarol = try await api.call(client, .patch, base, as: "admin",
                                             json: ["ownerID": api.world.carol.id.description, "version": 1])
            #expect(toCarol.status == 422 && toCarol.errorFields == ["ownerID"])
            // Reassigning the customer hands its open deal to the new owner.
            let reassigned = try await api.call(client, .patch, "/api/v1/customers/\(customer)", as: "mia",
                                                json: ["ownerID": api.world.bob.id.description, "version": 1])
            #expect(reassigned.status == 200, "\(reassigned.text)")
            #expect(try await api.call(client, .get, base, as: "bob").string("ownerID") == api.world.bob.id.description)
            // The open deal made the customer a prospect when it was created.
            let stage = try await api.call(client, .get, "/api/v1/customers/\(customer)/lifecycle", as: "bob")
            #expect((stage.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "prospect")
        }
    }

    @Test(arguments: TestEngine.available)
    func stages_areAdminOnly_andOneInUseCannotBeDeleted(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let stages = try await api.call(client, .get, "/api/v1/deal-stages", as: "alice")
            #expect(stages.items.compactMap { $0["probability"] as? Int } == [10, 25, 50, 75, 90])
            let input: [String: any Sendable] = ["nameZh": "样品试用", "nameEn": "Trial", "probability": 40, "position": 3]
            let refused = try await api.call(client, .post, "/api/v1/deal-stages", as: "alice", json: input)
            #expect(refused.status == 403)
            #expect(try await api.call(client, .patch, "/api/v1/deal-stages/\(Self.needs)", as: "bob",
                                       json: ["probability": 30, "version": 1]).status == 403)
            let created = try await api.call(client, .post, "/api/v1/deal-stages", as: "admin", json: input)
            #expect(created.status == 201 && created.json["position"] as? Int == 3)
            let trial = try #require(created.string("id"))
            let reordered = try await api.call(client, .get, "/api/v1/deal-stages", as: "alice")
            #expect(reordered.items.compactMap { $0["nameEn"] as? String }.prefix(4) == ["First contact", "Needs confirmed", "Trial", "Proposal and quote"])
            let tooLikely = try await api.call(client, .patch, "/api/v1/deal-stages/\(trial)", as: "admin",
                                               json: ["probability": 150, "version": 1])
            #expect(tooLikely.status == 422 && tooLikely.errorFields == ["probability"])
            let renamed = try await api.call(client, .patch, "/api/v1/deal-stages/\(trial)", as: "admin",
                                             json: ["nameEn": "Sample trial", "position": 1, "probability": 20, "version": 1])
            #expect(renamed.status == 200 && renamed.json["position"] as? Int == 1 && renamed.string("nameEn") == "Sample trial")
            let stale = try await api.call(client, .patch, "/api/v1/deal-stages/\(trial)", as: "admin", json: ["probability": 5, "version": 1])
            #expect(stale.status == 409)

            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            _ = try await Self.deal(api, client, customer, "Trial order", as: "alice", extra: ["stageID": trial])
            let inUse = try await api.call(client, .delete, "/api/v1/deal-stages/\(trial)", as: "admin")
            #expect(inUse.status == 409 && inUse.errorFields == ["stageID"])
            #expect((inUse.json["detail"] as? String)?.contains("1") == true)
            #expect(try await api.call(client, .delete, "/api/v1/deal-stages/\(Self.proposal)", as: "alice").status == 403)
            let gone = try await api.call(client, .delete, "/api/v1/deal-stages/\(Self.proposal)", as: "admin")
            #expect(gone.status == 200 && gone.string("deletedAt") != nil)
            #expect(try await api.call(client, .get, "/api/v1/deal-stages", as: "alice").items.count == 5)
        }
    }

    @Test(arguments: TestEngine.available)
    func pipeline_countsSumsAndWeighsOpenDealsPerStage(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let bobs = try #require(try await api.customer(client, "Harbor Two", as: "bob")["id"] as? String)
            for (title, amount) in [("A", 100_000), ("B", 50_001)] {
                _ = try await Self.deal(api, client, customer, title, as: "alice", extra: ["stageID": Self.proposal, "amount": amount])
            }
            let lost = try #require(try await Self.deal(api, client, customer, "C", as: "alice")["id"] as? String)
            _ = try await api.call(client, .post, "/api/v1/deals/\(lost)/lose", as: "alice", json: ["reason": "price", "version": 1])
            _ = try await Self.deal(api, client, bobs, "Bob's", as: "bob", extra: ["stageID": Self.proposal])

            let board = try await api.call(client, .get, "/api/v1/pipeline?perStage=1", as: "alice")
            #expect(board.status == 200)
            let columns = board.json["columns"] as? [[String: any Sendable]] ?? []
            let proposal = try #require(columns.first { ($0["stage"] as? [String: any Sendable])?["id"] as? String == Self.proposal })
            #expect(proposal["count"] as? Int == 2)
            let totals = proposal["totals"] as? [[String: any Sendable]] ?? []
            #expect(totals.first?["amount"] as? Int == 150_001 && totals.first?["weighted"] as? Int == 75_001)
            #expect((proposal["deals"] as? [Any])?.count == 1 && proposal["hasMore"] as? Bool == true)
            // Each shown deal's customer is named, on both query paths (a rep's window query, one owner's deals).
            let shownCustomer = try #require(((proposal["deals"] as? [[String: any Sendable]])?.first?["customerID"]) as? String)
            #expect((board.json["customerNames"] as? [String: any Sendable])?[shownCustomer] as? String != nil)
            let own = try await api.call(client, .get, "/api/v1/pipeline?owner=me&perStage=1", as: "alice")
            #expect((own.json["customerNames"] as? [String: any Sendable])?[shownCustomer] as? String != nil)
            let first = try #require(columns.first)
            #expect(first["count"] as? Int == 0)

            let team = try await api.call(client, .get, "/api/v1/pipeline", as: "mia")
            let teamProposal = (team.json["columns"] as? [[String: any Sendable]] ?? []).first {
                ($0["stage"] as? [String: any Sendable])?["id"] as? String == Self.proposal
            }
            #expect(teamProposal?["count"] as? Int == 3)
            let all = try await api.call(client, .get, "/api/v1/pipeline?perStage=1", as: "admin")
            let allProposal = (all.json["columns"] as? [[String: any Sendable]] ?? []).first {
                ($0["stage"] as? [String: any Sendable])?["id"] as? String == Self.proposal
            }
            #expect(allProposal?["count"] as? Int == 3 && (allProposal?["deals"] as? [Any])?.count == 1)
            #expect((all.json["totals"] as? [[String: any Sendable]])?.first?["amount"] as? Int == 250_001)
            let mine = try await api.call(client, .get, "/api/v1/pipeline?owner=\(api.world.bob.id)", as: "mia")
            let overall = mine.json["totals"] as? [[String: any Sendable]] ?? []
            #expect(overall.first?["amount"] as? Int == 100_000)
            #expect(try await api.call(client, .get, "/api/v1/pipeline?perStage=900", as: "mia").status == 400)

            let won = try await api.call(client, .get, "/api/v1/deals?state=lost", as: "alice")
            #expect(won.items.compactMap { $0["title"] as? String } == ["C"])
            let paged = try await api.call(client, .get, "/api/v1/deals?limit=1&stage=\(Self.proposal)", as: "mia")
            let cursor = try #require(paged.string("nextCursor"))
            let next = try await api.call(client, .get, "/api/v1/deals?limit=1&stage=\(Self.proposal)&cursor=\(cursor)", as: "mia")
            #expect(next.items.count == 1 && next.items.first?["id"] as? String != paged.items.first?["id"] as? String)
        }
    }

    @Test(arguments: TestEngine.available)
    func aWonDeal_createsItsOrderOnce(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let id = try #require(try await Self.deal(api, client, customer, "Freezer line", as: "alice",
                                                      extra: ["amount": 2_500_000])["id"] as? String)
            let base = "/api/v1/deals/\(id)"
            let early = try await api.call(client, .post, base + "/order", as: "alice", json: ["version": 1])
            #expect(early.status == 422 && early.errorFields == ["state"])
            _ = try await api.call(client, .post, base + "/win", as: "alice", json: ["reason": "Fast delivery", "version": 1])
            #expect(try await api.call(client, .post, base + "/order", as: "carol", json: ["version": 2]).status == 404)
            let stale = try await api.call(client, .post, base + "/order", as: "alice", json: ["version": 1])
            #expect(stale.status == 409)
            let ordered = try await api.call(client, .post, base + "/order", as: "alice", json: ["version": 2])
            #expect(ordered.status == 201)
            let orderID = try #require(ordered.string("orderID"))
            #expect(ordered.headers[.location] == "/api/v1/orders/\(orderID)")
            let order = try await api.call(client, .get, "/api/v1/orders/\(orderID)", as: "alice")
            #expect(order.status == 200 && order.string("dealID") == id && order.json["revenue"] as? Int == 2_500_000)
            #expect(order.string("customerID") == customer)
            let twice = try await api.call(client, .post, base + "/order", as: "alice", json: ["version": 3])
            #expect(twice.status == 422 && twice.errorFields == ["state"])
            let reopen = try await api.call(client, .post, base + "/reopen", as: "alice", json: ["version": 3])
            #expect(reopen.status == 422 && reopen.errorFields == ["state"])
        }
    }
}
