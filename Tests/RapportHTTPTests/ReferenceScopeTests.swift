import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing

/// Every id a write points at is checked against the writer's scope in the write's own
/// transaction: a deal, key person, order, subscription or instalment of another customer, a
/// customer the writer cannot see, an unknown product, stage or user — each answers 422 naming
/// the field and stores nothing. Alice (team East) writes; Carol (team West) owns the other records.
@Suite struct ReferenceScopeTests {
    static let random = "7b0f6a52-7d1e-4c57-9a40-2f3f0c6a9e11"

    /// Carol's customer with a key person, a deal, an order with a plan and a subscription.
    struct Foreign {
        let customer: String
        let contact: String
        let deal: String
        let order: String
        let instalment: String
        let subscription: String
    }

    static func foreign(_ api: APIHarness, _ client: any TestClientProtocol) async throws -> Foreign {
        let customer = try #require(try await api.customer(client, "成都西岭机械有限公司", as: "carol")["id"] as? String)
        let contact = try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "carol", json: ["name": "赵敏"])
        let deal = try await DealAPITests.deal(api, client, customer, "数控机床", as: "carol")
        let machine: [String: any Sendable] = ["description": "机床", "quantity": 1, "unitPrice": 90_000]
        let order = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "carol", json: ["lines": [machine]])
        #expect(order.status == 201, "\(order.text)")
        let orderID = try #require(order.string("id"))
        let plan = try await api.call(client, .get, "/api/v1/orders/\(orderID)/payment-plan", as: "carol")
        let instalment = try #require(((plan.json["instalments"] as? [[String: any Sendable]])?.first?["id"]) as? String)
        let subscription = try await api.call(client, .post, "/api/v1/customers/\(customer)/subscriptions", as: "carol", json: [
            "startsOn": "2026-01-01", "termMonths": 12, "price": 12_000,
        ])
        #expect(subscription.status == 201, "\(subscription.text)")
        return Foreign(customer: customer, contact: try #require(contact.string("id")), deal: try #require(deal["id"] as? String),
                       order: orderID, instalment: instalment, subscription: try #require(subscription.string("id")))
    }

    /// Writes as `user` (Alice unless told; a rep naming another user is 403 before any lookup, so
    /// unknown users are tried as the manager) and expects 422 naming `field`, and that the list at `list` did not grow.
    static func refused(_ api: APIHarness, _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String,
                        json: [String: any Sendable], field: String, list: String? = nil, as user: String = "alice",
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var before: Int?
        if let list { before = try await api.call(client, .get, list, as: user).items.count }
        let reply = try await api.call(client, method, uri, as: user, json: json, sourceLocation: sourceLocation)
        #expect(reply.status == 422, "\(uri) \(json): \(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.errorFields == [field], "\(uri) \(json): \(reply.text)", sourceLocation: sourceLocation)
        if let list {
            let after = try await api.call(client, .get, list, as: user).items.count
            #expect(after == before, "\(list) changed after a refused write", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: TestEngine.available)
    func ordersAndDeals_refuseIdsOutsideTheWritersScope(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let other = try await Self.foreign(api, client)
            let mine = try #require(try await api.customer(client, "苏州明达电子有限公司", as: "alice")["id"] as? String)
            let orders = "/api/v1/customers/\(mine)/orders"
            let line: [String: any Sendable] = ["description": "电容", "quantity": 2, "unitPrice": 500]
            for deal in [other.deal, Self.random] {
                try await Self.refused(api, client, .post, orders, json: ["dealID": deal, "lines": [line]], field: "dealID", list: orders)
            }
            try await Self.refused(api, client, .post, orders, json: ["repID": Self.random, "lines": [line]], field: "repID", list: orders,
                                   as: "mia")
            try await Self.refused(api, client, .post, orders, json: ["lines": [line, ["productID": Self.random, "quantity": 1, "unitPrice": 1]]],
                                   field: "lines[1].productID", list: orders)
            // The deal's owner can still win it and make its order (the defect let another rep's order take it).
            let won = try await api.call(client, .post, "/api/v1/deals/\(other.deal)/win", as: "carol", json: ["reason": "价格", "version": 1])
            #expect(won.status == 200)
            let made = try await api.call(client, .post, "/api/v1/deals/\(other.deal)/order", as: "carol", json: ["version": 2])
            #expect(made.status == 201, "\(made.text)")
            let order = try await api.call(client, .get, "/api/v1/orders/\(try #require(made.string("orderID")))", as: "carol")
            #expect(order.status == 200 && order.string("customerID") == other.customer)

            let deals = "/api/v1/customers/\(mine)/deals"
            try await Self.refused(api, client, .post, deals, json: ["title": "x", "stageID": DealAPITests.needs, "contactIDs": [other.contact]],
                                   field: "contactIDs", list: deals)
            try await Self.refused(api, client, .post, deals, json: ["title": "x", "stageID": Self.random], field: "stageID", list: deals)
            try await Self.refused(api, client, .post, deals, json: ["title": "x", "stageID": DealAPITests.needs, "ownerID": Self.random],
                                   field: "ownerID", list: deals, as: "mia")
            let own = try await DealAPITests.deal(api, client, mine, "传感器", as: "alice")
            let ownID = try #require(own["id"] as? String)
            try await Self.refused(api, client, .patch, "/api/v1/deals/\(ownID)", json: ["contactIDs": [other.contact], "version": 1],
                                   field: "contactIDs")
            #expect(try await api.call(client, .get, "/api/v1/deals/\(ownID)", as: "alice").json["version"] as? Int == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func relationshipRecords_refuseAnotherCustomersKeyPerson(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let other = try await Self.foreign(api, client)
            let mine = try #require(try await api.customer(client, "无锡华光锅炉有限公司", as: "alice")["id"] as? String)
            let base = "/api/v1/customers/\(mine)"
            try await Self.refused(api, client, .post, base + "/contacts", json: ["name": "钱伟", "reportsToID": other.contact],
                                   field: "reportsToID", list: base + "/contacts")
            try await Self.refused(api, client, .post, base + "/contacts", json: ["name": "钱伟", "relationshipOwnerID": Self.random],
                                   field: "relationshipOwnerID", list: base + "/contacts")
            try await Self.refused(api, client, .post, base + "/activities",
                                   json: ["channel": "phone", "purpose": "回访", "contactID": other.contact], field: "contactID",
                                   list: base + "/activities")
            try await Self.refused(api, client, .post, base + "/commitments",
                                   json: ["title": "寄样品", "dueOn": "2026-12-20", "contactID": other.contact], field: "contactID",
                                   list: base + "/commitments")
            try await Self.refused(api, client, .post, base + "/commitments",
                                   json: ["title": "寄样品", "dueOn": "2026-12-20", "ownerID": Self.random], field: "ownerID",
                                   list: base + "/commitments", as: "mia")
            try await Self.refused(api, client, .post, base + "/care-dates",
                                   json: ["kind": "birthday", "month": 3, "day": 8, "contactID": other.contact], field: "contactID",
                                   list: base + "/care-dates")
            for referrer in [other.customer, Self.random] {
                let reply = try await api.call(client, .put, base + "/referral", as: "alice", json: ["referrerCustomerID": referrer])
                #expect(reply.status == 422 && reply.errorFields == ["referrerCustomerID"], "\(reply.text)")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func subscriptionsAndReceipts_refuseAnotherCustomersOrderAndInstalment(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let other = try await Self.foreign(api, client)
            let mine = try #require(try await api.customer(client, "常州天宁纺织有限公司", as: "alice")["id"] as? String)
            let subscriptions = "/api/v1/customers/\(mine)/subscriptions"
            let term: [String: any Sendable] = ["startsOn": "2026-01-01", "termMonths": 12, "price": 1_000]
            try await Self.refused(api, client, .post, subscriptions, json: term.merging(["orderID": other.order]) { $1 },
                                   field: "orderID", list: subscriptions)
            try await Self.refused(api, client, .post, subscriptions, json: term.merging(["productID": Self.random]) { $1 },
                                   field: "productID", list: subscriptions)
            let yarn: [String: any Sendable] = ["description": "纱线", "quantity": 1, "unitPrice": 8_000]
            let order = try await api.call(client, .post, "/api/v1/customers/\(mine)/orders", as: "alice", json: ["lines": [yarn]])
            let orderID = try #require(order.string("id"))
            try await Self.refused(api, client, .post, "/api/v1/orders/\(orderID)/receipts",
                                   json: ["amount": 100, "instalmentID": other.instalment], field: "instalmentID")
            let ownPlan = try await api.call(client, .get, "/api/v1/orders/\(orderID)/payment-plan", as: "alice")
            #expect((ownPlan.json["instalments"] as? [[String: any Sendable]])?.first?["state"] as? String == "pending")
            // Carol's plan is untouched.
            let plan = try await api.call(client, .get, "/api/v1/orders/\(other.order)/payment-plan", as: "carol")
            let first = (plan.json["instalments"] as? [[String: any Sendable]])?.first
            #expect(first?["state"] as? String == "pending")
        }
    }
}
