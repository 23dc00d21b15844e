import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore

/// Merging duplicates: chosen fields, every related record moves to the survivor, the audit trail
/// records it, and undo puts exactly the moved records back.
@Suite struct MergeAPITests {
    private typealias J = [String: any Sendable]

    private func duplicate(_ api: APIHarness, _ client: any TestClientProtocol, _ name: String, as user: String,
                           _ extra: J = [:]) async throws -> String {
        var body: J = ["name": name, "kind": "enterprise"]
        for (key, value) in extra { body[key] = value }
        let reply = try await api.call(client, .post, "/api/v1/customers?allowDuplicate=true", as: user, json: body)
        #expect(reply.status == 201, "\(reply.text)")
        return try #require(reply.string("id"))
    }

    /// How many live rows each list of a customer has.
    private func counts(_ api: APIHarness, _ client: any TestClientProtocol, _ customer: String) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for list in ["activities", "commitments", "orders", "deals", "contacts", "subscriptions"] {
            let reply = try await api.call(client, .get, "/api/v1/customers/\(customer)/\(list)", as: "alice")
            out[list] = reply.items.count
        }
        return out
    }

    @Test(arguments: TestEngine.available)
    func merge_movesEverything_keepsChosenFields_andUndoRestoresExactly(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let keep = try await duplicate(api, client, "宁波金桥五金有限公司", as: "alice",
                                           ["phone": "0574-8888 1234", "tags": ["五金"], "industry": "五金"])
            let drop = try await duplicate(api, client, "宁波金桥五金", as: "alice",
                                           ["phone": "0574-8888 1234", "tags": ["出口"], "email": "sales@jinqiao.cn"])
            // Records on both sides.
            for (customer, purpose) in [(keep, "首次拜访"), (drop, "电话回访"), (drop, "寄样")] {
                let logged = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                                                json: ["channel": "phone", "purpose": purpose])
                #expect(logged.status == 201, "\(logged.text)")
            }
            let buyer = try await api.keyPerson(client, drop, "王经理", as: "alice")
            _ = try await api.promise(client, drop, "寄送报价", due: api.today(plus: 3), as: "alice")
            let order = try await api.call(client, .post, "/api/v1/customers/\(drop)/orders", as: "alice",
                                           json: ["lines": [["description": "年费", "quantity": 1, "unitPrice": 1_980_000] as J]])
            #expect(order.status == 201, "\(order.text)")
            let deal = try await api.call(client, .post, "/api/v1/customers/\(drop)/deals", as: "alice",
                                          json: ["title": "续费", "stageID": "00000000-0000-4000-8000-00000000d002", "amount": 100])
            #expect(deal.status == 201, "\(deal.text)")
            _ = try await api.call(client, .post, "/api/v1/customers/\(drop)/subscriptions", as: "alice",
                                   json: ["startsOn": "2026-01-01", "endsOn": "2026-12-31", "price": 1_980_000])
            let keepBefore = try await counts(api, client, keep)
            let dropBefore = try await counts(api, client, drop)
            #expect(dropBefore == ["activities": 2, "commitments": 1, "orders": 1, "deals": 1, "contacts": 1, "subscriptions": 1])

            let stale = try await api.call(client, .post, "/api/v1/customers/merge", as: "alice",
                                           json: ["survivorID": keep, "mergedID": drop, "versions": [drop: 7] as J])
            #expect(stale.status == 409)
            let badField = try await api.call(client, .post, "/api/v1/customers/merge", as: "alice",
                                              json: ["survivorID": keep, "mergedID": drop, "choices": ["password": "merged"] as J])
            #expect(badField.status == 422)
            #expect(badField.errorFields == ["choices"])
            // The versions read: the drop's order and term made it Won (CustomerStatusRule), a new version.
            let keepVersion = try #require(try await api.call(client, .get, "/api/v1/customers/\(keep)", as: "alice").json["version"] as? Int)
            let dropVersion = try #require(try await api.call(client, .get, "/api/v1/customers/\(drop)", as: "alice").json["version"] as? Int)
            let merged = try await api.call(client, .post, "/api/v1/customers/merge", as: "alice", json: [
                "survivorID": keep, "mergedID": drop,
                "choices": ["email": "merged", "tags": "union", "name": "survivor"] as J,
                "versions": [keep: keepVersion, drop: dropVersion] as J,
            ])
            #expect(merged.status == 201, "\(merged.text)")
            let mergeID = try #require(merged.string("id"))
            #expect(merged.headers[.location] == "/api/v1/merges/\(mergeID)")
            #expect(merged.string("survivorID") == keep)
            let survivor = try await api.call(client, .get, "/api/v1/customers/\(keep)", as: "alice")
            #expect(survivor.string("name") == "宁波金桥五金有限公司")
            #expect(survivor.string("email") == "sales@jinqiao.cn")
            #expect(survivor.json["tags"] as? [String] == ["五金", "出口"])
            #expect(survivor.string("industry") == "五金")
            #expect(try await api.call(client, .get, "/api/v1/customers/\(drop)", as: "alice").string("deletedAt") != nil)
            let after = try await counts(api, client, keep)
            for (list, n) in keepBefore { #expect(after[list] == n + (dropBefore[list] ?? 0), "\(list)") }
            // The survivor took the merged customer's order: its stage follows at once.
            let stage = try await api.call(client, .get, "/api/v1/customers/\(keep)/lifecycle", as: "alice")
            #expect((stage.json["lifecycle"] as? J)?["stage"] as? String == "firstPurchase")
            let person = try await api.call(client, .get, "/api/v1/contacts/\(buyer)", as: "alice")
            #expect(person.string("customerID") == keep)
            let history = try await api.call(client, .get, "/api/v1/customers/\(keep)/history", as: "alice")
            #expect(history.items.contains { $0["action"] as? String == "update" && $0["actorID"] as? String == api.world.alice.id.description })
            #expect(try await api.call(client, .get, "/api/v1/merges/\(mergeID)", as: "carol").status == 404)
            #expect(try await api.call(client, .post, "/api/v1/merges/\(mergeID)/undo", as: "carol").status == 404)

            let undone = try await api.call(client, .post, "/api/v1/merges/\(mergeID)/undo", as: "alice")
            #expect(undone.status == 200, "\(undone.text)")
            #expect(undone.string("undoneAt") != nil)
            #expect(try await counts(api, client, keep) == keepBefore)
            #expect(try await counts(api, client, drop) == dropBefore)
            let stages = try await api.call(client, .get, "/api/v1/customers/\(keep)/lifecycle", as: "alice")
            #expect((stages.json["lifecycle"] as? J)?["stage"] as? String == "suspect")
            let restored = try await api.call(client, .get, "/api/v1/customers/\(keep)", as: "alice")
            #expect(restored.string("email") == "")
            #expect(restored.json["tags"] as? [String] == ["五金"])
            #expect(try await api.call(client, .get, "/api/v1/customers/\(drop)", as: "alice").json["deletedAt"] == nil)
            #expect(try await api.call(client, .post, "/api/v1/merges/\(mergeID)/undo", as: "alice").status == 409)
        }
    }

    @Test(arguments: TestEngine.available)
    func undo_isRefused_whenTheSurvivorChangedSince(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let keep = try await duplicate(api, client, "Blue Harbor Foods", as: "alice")
            let drop = try await duplicate(api, client, "Blue Harbour Foods Ltd", as: "alice")
            let merged = try await api.call(client, .post, "/api/v1/customers/merge", as: "alice",
                                            json: ["survivorID": keep, "mergedID": drop])
            let mergeID = try #require(merged.string("id"))
            let changed = try await api.call(client, .patch, "/api/v1/customers/\(keep)", as: "alice",
                                             json: ["industry": "Seafood", "version": 2])
            #expect(changed.status == 200, "\(changed.text)")
            #expect(try await api.call(client, .post, "/api/v1/merges/\(mergeID)/undo", as: "alice").status == 409)
            let same = try await api.call(client, .post, "/api/v1/customers/merge", as: "alice",
                                          json: ["survivorID": keep, "mergedID": keep])
            #expect(same.errorFields == ["mergedID"])
        }
    }

    @Test(arguments: TestEngine.available)
    func merge_acrossScopes_isRefused(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let mine = try await duplicate(api, client, "杭州天成纺织", as: "alice")
            let bobs = try await duplicate(api, client, "杭州天成纺织有限公司", as: "bob")
            let carols = try await duplicate(api, client, "杭州天成", as: "carol")
            #expect(try await api.call(client, .post, "/api/v1/customers/merge", as: "alice",
                                       json: ["survivorID": mine, "mergedID": bobs]).status == 404)
            #expect(try await api.call(client, .post, "/api/v1/customers/merge", as: "mia",
                                       json: ["survivorID": mine, "mergedID": carols]).status == 404)
            // Mia manages both alice and bob.
            let managed = try await api.call(client, .post, "/api/v1/customers/merge", as: "mia",
                                             json: ["survivorID": mine, "mergedID": bobs, "choices": ["ownerID": "merged"] as J])
            #expect(managed.status == 201, "\(managed.text)")
            #expect(try await api.call(client, .get, "/api/v1/customers/\(mine)", as: "bob").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func contactMerge_movesActivitiesAndPromises_sameCustomerOnly(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try await duplicate(api, client, "宁波金桥五金有限公司", as: "alice")
            let other = try await duplicate(api, client, "Blue Harbor Foods", as: "alice")
            let keep = try await api.keyPerson(client, customer, "王建国", as: "alice")
            let drop = try await api.keyPerson(client, customer, "王经理", as: "alice")
            let stranger = try await api.keyPerson(client, other, "Ann", as: "alice")
            let logged = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                                            json: ["channel": "phone", "purpose": "回访", "contactID": drop])
            let activity = try #require(logged.string("id"))
            let promise = try #require(try await api.promise(client, customer, "寄样", due: api.today(plus: 2), as: "alice",
                                                             extra: ["contactID": drop])["id"] as? String)
            // The duplicate's temperament is known; the survivor's is not: it moves with the merge.
            let profiled = try await api.call(client, .put, "/api/v1/contacts/\(drop)/personality", as: "alice",
                                              json: ["temperament": "peaceful", "version": 0])
            #expect(profiled.status == 200, "\(profiled.text)")
            func temperament(_ contact: String) async throws -> String? {
                let reply = try await api.call(client, .get, "/api/v1/contacts/\(contact)/personality", as: "alice")
                return (reply.json["personality"] as? [String: any Sendable])?["temperament"] as? String
            }
            let across = try await api.call(client, .post, "/api/v1/contacts/merge", as: "alice",
                                            json: ["survivorID": keep, "mergedID": stranger])
            #expect(across.errorFields == ["mergedID"])
            let merged = try await api.call(client, .post, "/api/v1/contacts/merge", as: "alice",
                                            json: ["survivorID": keep, "mergedID": drop, "choices": ["name": "merged"] as J])
            #expect(merged.status == 201, "\(merged.text)")
            #expect(try await api.call(client, .get, "/api/v1/activities/\(activity)", as: "alice").string("contactID") == keep)
            #expect(try await api.call(client, .get, "/api/v1/commitments/\(promise)", as: "alice").string("contactID") == keep)
            #expect(try await api.call(client, .get, "/api/v1/contacts/\(keep)", as: "alice").string("name") == "王经理")
            #expect(try await temperament(keep) == "peaceful")
            let undone = try await api.call(client, .post, "/api/v1/merges/\(try #require(merged.string("id")))/undo", as: "alice")
            #expect(undone.status == 200, "\(undone.text)")
            #expect(try await api.call(client, .get, "/api/v1/activities/\(activity)", as: "alice").string("contactID") == drop)
            #expect(try await api.call(client, .get, "/api/v1/contacts/\(keep)", as: "alice").string("name") == "王建国")
            #expect(try await temperament(keep) == nil)
            #expect(try await temperament(drop) == "peaceful")
        }
    }
    @Test(arguments: TestEngine.available)
    func merge_neverCreatesASelfReferral_andMovesTheOthers(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let keep = try await duplicate(api, client, "宁波金桥五金有限公司", as: "alice")
            let drop = try await duplicate(api, client, "宁波金桥五金", as: "alice")
            let friend = try await duplicate(api, client, "宁波海曙贸易", as: "alice")
            // The duplicate brought the survivor and the friend.
            #expect(try await api.call(client, .put, "/api/v1/customers/\(keep)/referral", as: "alice",
                                       json: ["referrerCustomerID": drop]).status == 200)
            #expect(try await api.call(client, .put, "/api/v1/customers/\(friend)/referral", as: "alice",
                                       json: ["referrerCustomerID": drop]).status == 200)
            let merged = try await api.call(client, .post, "/api/v1/customers/merge", as: "alice",
                                            json: ["survivorID": keep, "mergedID": drop])
            #expect(merged.status == 201, "\(merged.text)")
            func referrer(_ customer: String) async throws -> String? {
                let reply = try await api.call(client, .get, "/api/v1/customers/\(customer)/referral", as: "alice")
                return (reply.json["referral"] as? [String: any Sendable])?["referrerCustomerID"] as? String
            }
            #expect(try await referrer(keep) == drop)
            #expect(try await referrer(friend) == keep)
            let undone = try await api.call(client, .post, "/api/v1/merges/\(try #require(merged.string("id")))/undo", as: "alice")
            #expect(undone.status == 200)
            #expect(try await referrer(friend) == drop)
            #expect(try await referrer(keep) == drop)
        }
    }
}
