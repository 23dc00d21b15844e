import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing
import RapportApp

/// The eight lifecycle stages (derived from facts, with history and reasons), referrals and their
/// tree, and qualification with its warnings; never visible to a rep who cannot see the customer.
@Suite struct LifecycleAPITests {
    /// Records an order through the app (as the orders area does) and refreshes the customer's stage.
    private func order(_ api: APIHarness, _ customer: String, daysAgo: Int, cancelled: Bool = false) async throws {
        let id = try #require(CustomerID(customer))
        let draft = OrderDraft(orderedOn: api.today(plus: -daysAgo),
                               lines: [OrderLineDraft(description: "纸箱", quantity: 10, unitPrice: 1_000)])
        let order = try await api.world.app.orders.create(api.world.alice, customerID: id, draft)
        if cancelled { _ = try await api.world.app.orders.cancel(api.world.alice, order.id) }
    }

    @Test(arguments: TestEngine.available)
    func stage_followsOrders_andHistoryKeepsEachReason(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let other = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let uri = "/api/v1/customers/\(customer)/lifecycle"
            let fresh = try await api.call(client, .get, uri, as: "alice")
            #expect(fresh.status == 200)
            #expect((fresh.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "suspect")

            try await order(api, customer, daysAgo: 400)
            try await order(api, customer, daysAgo: 300)
            let repeatBuyer = try await api.call(client, .get, uri, as: "alice")
            let current = try #require(repeatBuyer.json["lifecycle"] as? [String: any Sendable])
            #expect(current["stage"] as? String == "repeatBuyer")
            let reason = try #require(current["reason"] as? [String: any Sendable])
            #expect(reason["code"] as? String == "repeatOrders")
            #expect((reason["args"] as? [String: any Sendable])?["since"] as? String == api.today(plus: -400).description)

            try await order(api, customer, daysAgo: 5)
            let longTerm = try await api.call(client, .get, uri, as: "alice")
            #expect((longTerm.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "longTerm")
            let history = try #require(longTerm.json["history"] as? [[String: any Sendable]])
            #expect(history.compactMap { $0["to"] as? String } == ["longTerm", "repeatBuyer", "firstPurchase"])
            #expect(history.last?["from"] == nil)
            #expect(history.first?["from"] as? String == "repeatBuyer")
            #expect((history.first?["reason"] as? [String: any Sendable])?["code"] as? String == "longTerm")

            // A cancelled order does not count.
            try await order(api, other, daysAgo: 3, cancelled: true)
            let cancelled = try await api.call(client, .get, "/api/v1/customers/\(other)/lifecycle", as: "alice")
            #expect((cancelled.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "suspect")

            let longTermList = try await api.call(client, .get, "/api/v1/customers?stage=longTerm", as: "alice")
            #expect(longTermList.items.compactMap { $0["id"] as? String } == [customer])
            let suspects = try await api.call(client, .get, "/api/v1/customers?stage=suspect", as: "alice")
            #expect(suspects.items.compactMap { $0["id"] as? String } == [other])
            let bad = try await api.call(client, .get, "/api/v1/customers?stage=royalty", as: "alice")
            #expect(bad.status == 400)
            #expect(bad.errorFields == ["stage"])

            let summary = try await api.call(client, .get, "/api/v1/lifecycle/summary", as: "alice")
            #expect(summary.status == 200)
            let stages = try #require(summary.json["stages"] as? [[String: any Sendable]])
            #expect(stages.count == 8)
            #expect(stages.first { $0["stage"] as? String == "longTerm" }?["count"] as? Int == 1)
            #expect(stages.first { $0["stage"] as? String == "suspect" }?["count"] as? Int == 1)
            let flow = try #require(summary.json["flow"] as? [[String: any Sendable]])
            #expect(flow.contains { $0["to"] as? String == "longTerm" && $0["from"] as? String == "repeatBuyer" && $0["count"] as? Int == 1 })
            // Carol (West) sees none of it.
            let west = try await api.call(client, .get, "/api/v1/lifecycle/summary", as: "carol")
            let westStages = try #require(west.json["stages"] as? [[String: any Sendable]])
            #expect(westStages.allSatisfy { $0["count"] as? Int == 0 })
            #expect((west.json["flow"] as? [[String: any Sendable]])?.isEmpty == true)
            #expect(try await api.call(client, .get, uri, as: "carol").status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func recomputeAll_writesOnlyTheChanges(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "杭州青禾包装", as: "alice")["id"] as? String)
            let id = try #require(CustomerID(customer))
            let draft = OrderDraft(orderedOn: api.today(plus: -20), lines: [OrderLineDraft(description: "x", quantity: 1, unitPrice: 500)])
            _ = try await api.world.app.orders.create(api.world.alice, customerID: id, draft)
            // Orders refresh their customer's stage at once; the full pass then has nothing to change.
            let first = try await api.world.app.background.recomputeAllLifecycles()
            #expect(first.changed == 0)
            #expect(first.examined == 1)
            let view = try await api.call(client, .get, "/api/v1/customers/\(customer)/lifecycle", as: "alice")
            #expect((view.json["history"] as? [[String: any Sendable]])?.map { $0["to"] as? String } == ["firstPurchase"])

            let loyalText = try #require(try await api.customer(client, "Loyal Ltd", as: "alice")["id"] as? String)
            let loyal = try #require(CustomerID(loyalText))
            var orders: [OrderID] = []
            for daysAgo in [700, 300, 10] {
                orders.append(try await api.world.app.orders.create(api.world.alice, customerID: loyal, OrderDraft(
                    orderedOn: api.today(plus: -daysAgo), lines: [OrderLineDraft(description: "x", quantity: 1, unitPrice: 500)])).id)
            }
            let gapText = try #require(try await api.customer(client, "Gappy Ltd", as: "alice")["id"] as? String)
            let gap = try #require(CustomerID(gapText))
            for daysAgo in [1300, 700, 10] {
                _ = try await api.world.app.orders.create(api.world.alice, customerID: gap, OrderDraft(
                    orderedOn: api.today(plus: -daysAgo), lines: [OrderLineDraft(description: "x", quantity: 1, unitPrice: 500)]))
            }
            #expect(try await api.world.app.lifecycles.get(api.world.alice, of: loyal).lifecycle.stage == .longTerm)
            #expect(try await api.world.app.lifecycles.get(api.world.alice, of: gap).lifecycle.stage == .repeatBuyer)
            #expect(try await api.world.app.background.recomputeAllLifecycles().changed == 0)

            // Time alone moves stages, which is what the nightly pass is for: 600 days without an
            // order and the loyal customer is no longer long-term.
            api.world.clock.advance(by: 600 * 86_400)
            let second = try await api.world.app.background.recomputeAllLifecycles()
            #expect(second.changedInto == ["repeatBuyer": 1])
            #expect(second.examined == 3)
            #expect(try await api.world.app.background.recomputeAllLifecycles().changed == 0)

            // Every order cancelled: back to suspect at once, with a history line.
            for order in orders { _ = try await api.world.app.orders.cancel(api.world.alice, order) }
            let back = try await api.call(client, .get, "/api/v1/customers/\(loyal)/lifecycle", as: "alice")
            #expect((back.json["history"] as? [[String: any Sendable]])?.first?["to"] as? String == "suspect")
            #expect(try await api.world.app.background.recomputeAllLifecycles().changed == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func facts_makeAdvocatesAndPartners_andRevokingUndoesThem(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "苏州恒信电子", as: "alice")["id"] as? String)
            try await order(api, customer, daysAgo: 500)
            try await order(api, customer, daysAgo: 30)
            let facts = "/api/v1/customers/\(customer)/lifecycle-facts"
            let noEvidence = try await api.call(client, .post, facts, as: "alice", json: ["kind": "exclusive", "evidence": " "])
            #expect(noEvidence.status == 422)
            #expect(noEvidence.errorFields == ["evidence"])
            let badKind = try await api.call(client, .post, facts, as: "alice", json: ["kind": "friend", "evidence": "x"])
            #expect(badKind.status == 400)
            let exclusive = try await api.call(client, .post, facts, as: "alice",
                                               json: ["kind": "exclusive", "evidence": "采购经理确认只向我们采购包装"])
            #expect(exclusive.status == 201)
            var view = try await api.call(client, .get, "/api/v1/customers/\(customer)/lifecycle", as: "alice")
            #expect((view.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "advocate")
            let partner = try await api.call(client, .post, facts, as: "alice", json: ["kind": "distributor", "evidence": "经销协议 2026-07"])
            let partnerID = try #require(partner.string("id"))
            view = try await api.call(client, .get, "/api/v1/customers/\(customer)/lifecycle", as: "alice")
            let current = try #require(view.json["lifecycle"] as? [String: any Sendable])
            #expect(current["stage"] as? String == "partner")
            #expect((current["reason"] as? [String: any Sendable]).flatMap { $0["args"] as? [String: any Sendable] }?["kind"] as? String == "distributor")
            #expect(try await api.call(client, .delete, "\(facts)/\(partnerID)", as: "carol").status == 404)
            let revoked = try await api.call(client, .delete, "\(facts)/\(partnerID)", as: "alice")
            #expect(revoked.status == 200)
            #expect(revoked.string("revokedAt") != nil)
            view = try await api.call(client, .get, "/api/v1/customers/\(customer)/lifecycle", as: "alice")
            #expect((view.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "advocate")
            #expect((view.json["facts"] as? [[String: any Sendable]])?.count == 2)
            #expect(try await api.call(client, .post, facts, as: "carol", json: ["kind": "agent", "evidence": "x"]).status == 404)
            let unknown = try await api.call(client, .delete, "\(facts)/\(UUID().uuidString.lowercased())", as: "alice")
            #expect(unknown.status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func referralTree_showsWhoBroughtWhom_refusesCycles_andHidesOthersCustomers(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let root = try #require(try await api.customer(client, "宁波金桥五金", as: "alice")["id"] as? String)
            let middle = try #require(try await api.customer(client, "杭州青禾包装", as: "alice")["id"] as? String)
            let west = try #require(try await api.customer(client, "West Coast Traders", as: "carol")["id"] as? String)
            let set = try await api.call(client, .put, "/api/v1/customers/\(middle)/referral", as: "alice",
                                         json: ["referrerCustomerID": root, "note": "老朋友介绍"])
            #expect(set.status == 200)
            #expect(set.string("referrerCustomerID") == root)
            // Carol may not name a referrer she cannot see; the admin may.
            let hidden = try await api.call(client, .put, "/api/v1/customers/\(west)/referral", as: "carol",
                                            json: ["referrerCustomerID": middle])
            #expect(hidden.status == 422)
            #expect(hidden.errorFields == ["referrerCustomerID"])
            #expect(try await api.call(client, .put, "/api/v1/customers/\(west)/referral", as: "admin",
                                       json: ["referrerCustomerID": middle]).status == 200)
            // No cycles: not itself, not one it brought.
            let selfRef = try await api.call(client, .put, "/api/v1/customers/\(root)/referral", as: "alice",
                                             json: ["referrerCustomerID": root])
            #expect(selfRef.status == 422)
            #expect(selfRef.errorFields == ["referrerCustomerID"])
            let cycle = try await api.call(client, .put, "/api/v1/customers/\(root)/referral", as: "admin",
                                           json: ["referrerCustomerID": west])
            #expect(cycle.status == 422)
            #expect(cycle.errorFields == ["referrerCustomerID"])
            let missing = try await api.call(client, .put, "/api/v1/customers/\(root)/referral", as: "alice", json: ["note": "x"])
            #expect(missing.errorFields == ["referrerCustomerID"])

            let tree = try await api.call(client, .get, "/api/v1/customers/\(root)/referral-tree", as: "alice")
            #expect(tree.status == 200)
            let top = try #require(tree.json["root"] as? [String: any Sendable])
            #expect(top["name"] as? String == "宁波金桥五金")
            let brought = try #require(top["referred"] as? [[String: any Sendable]])
            #expect(brought.first?["name"] as? String == "杭州青禾包装")
            let leaf = try #require((brought.first?["referred"] as? [[String: any Sendable]])?.first)
            #expect(leaf["visible"] as? Bool == false)
            #expect(leaf["name"] == nil)
            #expect(leaf["customerID"] == nil)
            #expect(!tree.text.contains("West Coast"))
            #expect(!tree.text.contains(west))
            let up = try await api.call(client, .get, "/api/v1/customers/\(middle)/referral-tree", as: "alice")
            #expect((up.json["referredBy"] as? [[String: any Sendable]])?.compactMap { $0["customerID"] as? String } == [root])
            #expect(try await api.call(client, .get, "/api/v1/customers/\(root)/referral-tree", as: "carol").status == 404)

            // Referrals made feed the lifecycle: a buyer who referred others is a strategic partner.
            try await order(api, root, daysAgo: 10)
            let stage = try await api.call(client, .get, "/api/v1/customers/\(root)/lifecycle", as: "alice")
            #expect((stage.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "strategicPartner")

            // Key persons can be referred too; clearing works for both.
            let personID = try await api.keyPerson(client, middle, "王经理", as: "alice")
            let contactRef = try await api.call(client, .put, "/api/v1/contacts/\(personID)/referral", as: "alice",
                                                json: ["referrerCustomerID": root])
            #expect(contactRef.status == 200)
            #expect(contactRef.string("subjectKind") == "contact")
            let own = try await api.call(client, .put, "/api/v1/contacts/\(personID)/referral", as: "alice",
                                         json: ["referrerCustomerID": middle])
            #expect(own.errorFields == ["referrerCustomerID"])
            #expect((try await api.call(client, .get, "/api/v1/contacts/\(personID)/referral", as: "alice")
                .json["referral"] as? [String: any Sendable])?["referrerCustomerID"] as? String == root)
            #expect(try await api.call(client, .delete, "/api/v1/contacts/\(personID)/referral", as: "alice").status == 204)
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(middle)/referral", as: "alice").status == 204)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(middle)/referral", as: "alice").json["referral"] == nil)
            let after = try await api.call(client, .get, "/api/v1/customers/\(root)/lifecycle", as: "alice")
            #expect((after.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "firstPurchase")
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(middle)/referral", as: "carol").status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func qualification_needsEvidence_warnsAndQualifiesAProspect(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "中国石化华东分公司", as: "alice", extra: ["size": "large"])["id"] as? String)
            let uri = "/api/v1/customers/\(customer)/qualification"
            let blank = try await api.call(client, .get, uri, as: "alice")
            #expect(blank.status == 200)
            #expect(blank.string("abilityToPay") == "unknown")
            #expect(blank.json["version"] as? Int == 0)
            #expect(blank.json["automaticWarnings"] as? [String] == ["bigName"])
            let noEvidence = try await api.call(client, .put, uri, as: "alice", json: ["abilityToPay": "yes", "version": 0])
            #expect(noEvidence.status == 422)
            #expect(noEvidence.errorFields == ["abilityEvidence"])
            #expect(try await api.call(client, .put, uri, as: "alice", json: ["need": "yes"]).errorFields == ["version"])
            let saved = try await api.call(client, .put, uri, as: "alice", json: [
                "abilityToPay": "yes", "abilityEvidence": "注册资本 5 亿，历年按时付款",
                "authority": "yes", "authorityEvidence": "采购总监签字",
                "need": "yes", "needEvidence": "年底扩建仓库", "warnings": ["sentBySuperior"], "version": 0,
            ])
            #expect(saved.status == 200)
            #expect(saved.json["version"] as? Int == 1)
            #expect(saved.json["warnings"] as? [String] == ["sentBySuperior"])
            let stage = try await api.call(client, .get, "/api/v1/customers/\(customer)/lifecycle", as: "alice")
            let current = try #require(stage.json["lifecycle"] as? [String: any Sendable])
            #expect(current["stage"] as? String == "prospect")
            #expect((current["reason"] as? [String: any Sendable])?["code"] as? String == "qualified")
            let stale = try await api.call(client, .put, uri, as: "alice", json: ["need": "no", "version": 0])
            #expect(stale.status == 409)
            let unqualified = try await api.call(client, .put, uri, as: "alice", json: ["need": "no"], headers: [.ifMatch: "\"1\""])
            #expect(unqualified.status == 200)
            let back = try await api.call(client, .get, "/api/v1/customers/\(customer)/lifecycle", as: "alice")
            #expect((back.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String == "suspect")
            // Past orders add the old-customer warning.
            try await order(api, customer, daysAgo: 40)
            let warned = try await api.call(client, .get, uri, as: "alice")
            #expect(warned.json["automaticWarnings"] as? [String] == ["oldCustomer", "bigName"])
            #expect(try await api.call(client, .get, uri, as: "carol").status == 404)
            #expect(try await api.call(client, .put, uri, as: "carol", json: ["need": "yes", "needEvidence": "x", "version": 2]).status == 404)
        }
    }
}
