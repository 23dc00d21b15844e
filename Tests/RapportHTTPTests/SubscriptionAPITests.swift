import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore

/// Subscriptions (DOMAIN part 3): terms renew into a linked next term, churn with reasons from the
/// taxonomy onto the win-back list, lapse by the clock, and stay invisible to reps who cannot see
/// the customer.
@Suite struct SubscriptionAPITests {
    /// Creates a subscription and returns its JSON.
    private func term(_ api: APIHarness, _ client: any TestClientProtocol, _ customer: String, from start: String,
                      to end: String, price: Int = 1_980_000, as user: String = "alice") async throws -> [String: any Sendable] {
        let reply = try await api.call(client, .post, "/api/v1/customers/\(customer)/subscriptions", as: user,
                                       json: ["startsOn": start, "endsOn": end, "price": price, "currency": "CNY"])
        #expect(reply.status == 201, "\(reply.text)")
        return reply.json
    }

    @Test(arguments: TestEngine.available)
    func renewal_startsTheDayAfter_withTheSameLength_andLinksBack(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let first = try await term(api, client, customer, from: "2026-01-01", to: "2026-12-31")
            let firstID = try #require(first["id"] as? String)
            #expect(first["state"] as? String == "active")
            let renewed = try await api.call(client, .post, "/api/v1/subscriptions/\(firstID)/renew", as: "alice",
                                             json: ["renewalReasons": ["renew.brandPresence"], "renewalNote": "看重品牌展示"])
            #expect(renewed.status == 201, "\(renewed.text)")
            #expect(renewed.string("startsOn") == "2027-01-01")
            #expect(renewed.string("endsOn") == "2027-12-31")
            #expect(renewed.string("previousID") == firstID)
            #expect(renewed.json["price"] as? Int == 1_980_000)
            #expect(renewed.json["renewalReasons"] as? [String] == ["renew.brandPresence"])
            let old = try await api.call(client, .get, "/api/v1/subscriptions/\(firstID)", as: "alice")
            #expect(old.string("state") == "renewed")
            #expect(old.headers[.eTag] == "\"2\"")
            // A renewed term cannot be renewed twice; unknown renewal reasons are refused.
            let again = try await api.call(client, .post, "/api/v1/subscriptions/\(firstID)/renew", as: "alice", json: [:])
            #expect(again.status == 422)
            #expect(again.errorFields == ["state"])
            let secondID = try #require(renewed.string("id"))
            let badReason = try await api.call(client, .post, "/api/v1/subscriptions/\(secondID)/renew", as: "alice",
                                               json: ["renewalReasons": ["because"]])
            #expect(badReason.errorFields == ["renewalReasons"])
            // A shorter term at a new price.
            let third = try await api.call(client, .post, "/api/v1/subscriptions/\(secondID)/renew", as: "alice",
                                           json: ["termMonths": 6, "price": 990_000])
            #expect(third.string("startsOn") == "2028-01-01")
            #expect(third.string("endsOn") == "2028-06-30")
            let list = try await api.call(client, .get, "/api/v1/customers/\(customer)/subscriptions", as: "alice")
            #expect(list.items.compactMap { $0["startsOn"] as? String } == ["2028-01-01", "2027-01-01", "2026-01-01"])
            let history = try await api.call(client, .get, "/api/v1/customers/\(customer)/subscriptions", as: "carol")
            #expect(history.status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func churn_needsKnownReasons_andPutsTheCustomerOnTheWinbackList(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let other = try #require(try await api.customer(client, "杭州天成纺织", as: "alice")["id"] as? String)
            let id = try #require(try await term(api, client, customer, from: "2025-01-01", to: "2025-12-31")["id"] as? String)
            let otherID = try #require(try await term(api, client, other, from: "2025-03-01", to: "2026-02-28")["id"] as? String)
            let uri = "/api/v1/subscriptions/\(id)/churn"
            let none = try await api.call(client, .post, uri, as: "alice", json: ["churnNote": "no reason given"])
            #expect(none.status == 422)
            #expect(none.errorFields == ["churnReasons"])
            let unknown = try await api.call(client, .post, uri, as: "alice", json: ["churnReasons": ["weather"]])
            #expect(unknown.status == 422)
            #expect(unknown.errorFields == ["churnReasons"])
            #expect(unknown.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let denied = try await api.call(client, .post, uri, as: "carol", json: ["churnReasons": ["operating.rareLogins"]])
            #expect(denied.status == 404)
            let churned = try await api.call(client, .post, uri, as: "alice",
                                             json: ["churnReasons": ["operating.rareLogins", "aux.salesPressure"],
                                                    "churnNote": "Stopped logging in after month 6", "churnedOn": "2026-01-05"])
            #expect(churned.status == 200, "\(churned.text)")
            #expect(churned.string("state") == "churned")
            #expect(churned.string("churnedOn") == "2026-01-05")
            _ = try await api.call(client, .post, "/api/v1/subscriptions/\(otherID)/churn", as: "alice",
                                   json: ["churnReasons": ["productFit.sellerSide"], "churnedOn": "2026-01-10"])
            let list = try await api.call(client, .get, "/api/v1/winback", as: "alice")
            #expect(list.items.compactMap { $0["customerName"] as? String } == ["杭州天成纺织", "Blue Harbor Foods"])
            let filtered = try await api.call(client, .get, "/api/v1/winback?reason=aux.salesPressure", as: "alice")
            #expect(filtered.items.compactMap { $0["customerID"] as? String } == [customer])
            let paged = try await api.call(client, .get, "/api/v1/winback?limit=1", as: "alice")
            let cursor = try #require(paged.string("nextCursor"))
            let second = try await api.call(client, .get, "/api/v1/winback?limit=1&cursor=\(cursor.query)", as: "alice")
            #expect(second.items.compactMap { $0["customerID"] as? String } == [customer])
            #expect(try await api.call(client, .get, "/api/v1/winback", as: "carol").items.isEmpty)
            let reasons = try await api.call(client, .get, "/api/v1/churn-reasons", as: "carol")
            #expect((reasons.json["churn"] as? [[String: any Sendable]])?.first?["code"] as? String == "poorResults")
        }
    }

    @Test(arguments: TestEngine.available)
    func winbackAttempts_countPerReasonAndApproach_andAReturnLeavesTheList(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let id = try #require(try await term(api, client, customer, from: "2025-01-01", to: "2025-12-31")["id"] as? String)
            let attempts = "/api/v1/customers/\(customer)/winback-attempts"
            let early = try await api.call(client, .post, attempts, as: "alice", json: ["approach": "offer", "outcome": "declined"])
            #expect(early.status == 422)
            #expect(early.errorFields == ["subscriptionID"])
            _ = try await api.call(client, .post, "/api/v1/subscriptions/\(id)/churn", as: "alice",
                                   json: ["churnReasons": ["productFit.industry"], "churnedOn": "2026-01-02"])
            let missing = try await api.call(client, .post, attempts, as: "alice", json: ["note": "called"])
            #expect(Set(missing.errorFields) == ["approach", "outcome"])
            let first = try await api.call(client, .post, attempts, as: "alice",
                                           json: ["approach": "offer", "outcome": "declined", "attemptedOn": "2026-01-10"])
            #expect(first.status == 201, "\(first.text)")
            #expect(first.string("subscriptionID") == id)
            _ = try await api.call(client, .post, attempts, as: "alice",
                                   json: ["approach": "personalCare", "outcome": "returned", "note": "中秋问候后回归"])
            #expect(try await api.call(client, .post, attempts, as: "carol", json: ["approach": "offer", "outcome": "declined"]).status == 404)
            let listed = try await api.call(client, .get, attempts, as: "alice")
            #expect(listed.items.count == 2)
            let table = try await api.call(client, .get, "/api/v1/winback/effectiveness", as: "alice")
            let cells = table.items.map { "\($0["reason"] ?? "")/\($0["approach"] ?? ""):\($0["attempts"] ?? 0)/\($0["returns"] ?? 0)" }
            #expect(cells == ["productFit.industry/offer:1/0", "productFit.industry/personalCare:1/1"])
            #expect(try await api.call(client, .get, "/api/v1/winback/effectiveness", as: "carol").items.isEmpty)
            let entry = try await api.call(client, .get, "/api/v1/winback", as: "alice")
            #expect(entry.items.first?["attempts"] as? Int == 2)
            // Coming back with a new term takes the customer off the list.
            _ = try await term(api, client, customer, from: "2026-03-01", to: "2027-02-28")
            #expect(try await api.call(client, .get, "/api/v1/winback", as: "alice").items.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func lapse_byTheClock_andOwnerNoticedBeforeTheEnd(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let end = api.today(plus: 30)
            let id = try #require(try await term(api, client, customer, from: api.today(plus: -335).description,
                                                 to: end.description)["id"] as? String)
            #expect(try await api.world.app.background.lapseEndedSubscriptions() == 0)
            #expect(try await api.world.app.background.noticeEndingSubscriptions() == 1)
            #expect(try await api.world.app.background.noticeEndingSubscriptions() == 0)
            let notices = try await api.call(client, .get, "/api/v1/notices", as: "alice")
            #expect(notices.items.compactMap { $0["kind"] as? String } == ["subscriptionEnding"])
            api.setClock(to: APIHarness.noon(end.adding(days: 1)))
            #expect(try await api.world.app.background.lapseEndedSubscriptions() == 1)
            #expect(try await api.world.app.background.lapseEndedSubscriptions() == 0)
            let lapsed = try await api.call(client, .get, "/api/v1/subscriptions/\(id)", as: "alice")
            #expect(lapsed.string("state") == "lapsed")
            // A lapsed term may still churn (with reasons) or be renewed late.
            let churned = try await api.call(client, .post, "/api/v1/subscriptions/\(id)/churn", as: "alice",
                                             json: ["churnReasons": ["companyStage"]])
            #expect(churned.string("state") == "churned")
        }
    }

    @Test(arguments: TestEngine.available)
    func terms_areValidated_corrected_deleted_andRestored(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let uri = "/api/v1/customers/\(customer)/subscriptions"
            let backwards = try await api.call(client, .post, uri, as: "alice", json: ["startsOn": "2026-05-01", "endsOn": "2026-04-30"])
            #expect(backwards.status == 422)
            #expect(backwards.errorFields == ["endsOn"])
            let noStart = try await api.call(client, .post, uri, as: "alice", json: ["endsOn": "2026-04-30"])
            #expect(noStart.errorFields == ["startsOn"])
            let oneDay = try await api.call(client, .post, uri, as: "alice", json: ["startsOn": "2026-05-01", "endsOn": "2026-05-01"])
            #expect(oneDay.status == 201)
            let byMonths = try await api.call(client, .post, uri, as: "alice", json: ["startsOn": "2026-01-31", "termMonths": 1])
            #expect(byMonths.string("endsOn") == "2026-02-27")
            let id = try #require(oneDay.string("id"))
            let stale = try await api.call(client, .patch, "/api/v1/subscriptions/\(id)", as: "alice", json: ["price": 5, "version": 9])
            #expect(stale.status == 409)
            let fixed = try await api.call(client, .patch, "/api/v1/subscriptions/\(id)", as: "alice",
                                           json: ["endsOn": "2026-10-31", "version": 1])
            #expect(fixed.string("endsOn") == "2026-10-31")
            #expect(try await api.call(client, .patch, "/api/v1/subscriptions/\(id)", as: "carol", json: ["price": 1, "version": 2]).status == 404)
            #expect(try await api.call(client, .delete, "/api/v1/subscriptions/\(id)", as: "alice").string("deletedAt") != nil)
            #expect(try await api.call(client, .get, uri, as: "alice").items.count == 1)
            #expect(try await api.call(client, .post, "/api/v1/subscriptions/\(id)/restore", as: "alice").json["deletedAt"] == nil)
            #expect(try await api.call(client, .get, uri, as: "alice").items.count == 2)
        }
    }
    @Test(arguments: TestEngine.available)
    func termFromAProduct_takesItsLengthAndPrice_andAnOrderMustBeTheCustomers(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let other = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let product = try await api.call(client, .post, "/api/v1/products", as: "admin",
                                             json: ["code": "VIP-1Y", "name": "诚信通会员", "price": 688_000, "termMonths": 12])
            #expect(product.status == 201, "\(product.text)")
            let productID = try #require(product.string("id"))
            let order = try await api.call(client, .post, "/api/v1/customers/\(other)/orders", as: "alice",
                                           json: ["lines": [["productID": productID, "quantity": 1] as [String: any Sendable]]])
            let orderID = try #require(order.string("id"))
            let uri = "/api/v1/customers/\(customer)/subscriptions"
            let wrongOrder = try await api.call(client, .post, uri, as: "alice",
                                                json: ["productID": productID, "orderID": orderID, "startsOn": "2026-04-01"])
            #expect(wrongOrder.errorFields == ["orderID"])
            let created = try await api.call(client, .post, uri, as: "alice", json: ["productID": productID, "startsOn": "2026-04-01"])
            #expect(created.status == 201, "\(created.text)")
            #expect(created.string("endsOn") == "2027-03-31")
            #expect(created.json["price"] as? Int == 688_000)
            #expect(created.string("productID") == productID)
            let fromOrder = try await api.call(client, .post, "/api/v1/customers/\(other)/subscriptions", as: "alice",
                                              json: ["orderID": orderID, "startsOn": "2026-05-10"])
            #expect(fromOrder.status == 201, "\(fromOrder.text)")
            #expect(fromOrder.string("productID") == productID)
            #expect(fromOrder.string("endsOn") == "2027-05-09")
            #expect(fromOrder.json["price"] as? Int == 688_000)
            let unknown = try await api.call(client, .post, uri, as: "alice",
                                             json: ["productID": UUID().uuidString.lowercased(), "startsOn": "2026-04-01"])
            #expect(unknown.errorFields == ["productID"])
        }
    }
    @Test(arguments: TestEngine.available)
    func editedTaxonomy_appliesAtOnce_andABrokenOneIsRefused(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let uri = "/api/v1/admin/reference-files/churn-reasons"
            let broken = try await api.call(client, .put, uri, as: "admin", json: ["content": #"{"churn": [], "renewalDespite": []}"#, "version": 0])
            #expect(broken.status == 422)
            #expect(broken.errorFields == ["content"])
            let edited = #"{"churn": [{"code": "price", "zh": "价格太高", "en": "Too expensive"}], "renewalDespite": [{"code": "habit", "zh": "习惯", "en": "Habit"}]}"#
            #expect(try await api.call(client, .put, uri, as: "admin", json: ["content": edited, "version": 0]).status == 200)
            let reasons = try await api.call(client, .get, "/api/v1/churn-reasons", as: "alice", headers: [.acceptLanguage: "en"])
            #expect((reasons.json["churn"] as? [[String: any Sendable]])?.compactMap { $0["label"] as? String } == ["Too expensive"])
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let id = try #require(try await term(api, client, customer, from: "2025-01-01", to: "2025-12-31")["id"] as? String)
            let old = try await api.call(client, .post, "/api/v1/subscriptions/\(id)/churn", as: "alice", json: ["churnReasons": ["companyStage"]])
            #expect(old.errorFields == ["churnReasons"])
            let churned = try await api.call(client, .post, "/api/v1/subscriptions/\(id)/churn", as: "alice", json: ["churnReasons": ["price"]])
            #expect(churned.status == 200)
        }
    }
}

extension SubscriptionAPITests {
    /// One rule keeps status, orders and terms in step (`CustomerStatusRule`): an order or a term makes
    /// the customer Won, a churn makes it Lost unless another term runs, and a rep cannot set a status
    /// the records contradict; each automatic move is in the customer's history.
    @Test(arguments: TestEngine.available)
    func status_followsOrdersTermsAndChurn_andRefusesAContradiction(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Quiet Lake Tea", as: "alice")["id"] as? String)
            let uri = "/api/v1/customers/\(customer)"
            func status() async throws -> (String?, Int?) {
                let reply = try await api.call(client, .get, uri, as: "alice")
                return (reply.json["status"] as? String, reply.json["version"] as? Int)
            }
            #expect(try await status().0 == "potential")

            let term = try #require(try await term(api, client, customer, from: api.today(plus: 30).description,
                                                   to: api.today(plus: 395).description)["id"] as? String)
            let (won, version) = try await status()
            #expect(won == "won")
            let version1 = try #require(version)
            // While the signed term runs the customer cannot be marked lost, dormant or potential.
            for refused in ["lost", "dormant", "potential"] {
                let reply = try await api.call(client, .patch, uri, as: "alice", json: ["status": refused, "version": version1])
                #expect(reply.status == 422, "\(refused): \(reply.text)")
                #expect(reply.errorFields == ["status"])
                #expect(reply.text.contains("termRunning"))
            }
            // Following is the rep's call.
            let following = try await api.call(client, .patch, uri, as: "alice", json: ["status": "following", "version": version1])
            #expect(following.status == 200, "\(following.text)")

            // A churn with no other term running makes it lost, and the history says so.
            let churned = try await api.call(client, .post, "/api/v1/subscriptions/\(term)/churn", as: "alice",
                                              json: ["churnReasons": ["operating.rareLogins"]])
            #expect(churned.status == 200, "\(churned.text)")
            #expect(try await status().0 == "lost")
            let history = try await api.call(client, .get, "\(uri)/history", as: "alice")
            #expect(history.text.contains(#"\"status\":\"lost\""#))

            // An order wins it back; afterwards "potential" contradicts the order.
            let order = try await api.call(client, .post, "\(uri)/orders", as: "alice", json: [
                "lines": [["description": "Tasting set", "quantity": 1, "unitPrice": 500] as [String: any Sendable]],
            ])
            #expect(order.status == 201, "\(order.text)")
            let (back, version2) = try await status()
            #expect(back == "won")
            let potential = try await api.call(client, .patch, uri, as: "alice",
                                               json: ["status": "potential", "version": try #require(version2)])
            #expect(potential.status == 422)
            #expect(potential.text.contains("hasBought"))
            let dormant = try await api.call(client, .patch, uri, as: "alice",
                                             json: ["status": "dormant", "version": try #require(version2)])
            #expect(dormant.status == 200, "\(dormant.text)")
        }
    }
}
