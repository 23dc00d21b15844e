import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore

/// Promises to customers (承诺): recorded, kept with evidence, listed, escalated when overdue,
/// and never visible to or changeable by a rep who cannot see the customer.
@Suite struct CommitmentAPITests {
    @Test(arguments: TestEngine.available)
    func promise_defaultsToTheCustomerOwner_andIsCheckedField(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let due = api.today(plus: 3)
            // Mia (manager) records it; it belongs to the customer's owner, not to her.
            let created = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "mia",
                                             json: ["title": "寄送样品", "details": "两种规格", "dueOn": due.description])
            #expect(created.status == 201)
            let id = try #require(created.string("id"))
            #expect(created.headers[.location] == "/api/v1/commitments/\(id)")
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.string("ownerID") == api.world.alice.id.description)
            #expect(created.string("createdBy") == api.world.mia.id.description)
            #expect(created.string("state") == "open")
            #expect(created.string("dueOn") == due.description)
            #expect(created.json["closedAt"] == nil)

            let noTitle = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                             json: ["dueOn": due.description])
            #expect(noTitle.status == 422)
            #expect(noTitle.errorFields == ["title"])
            #expect(noTitle.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let noDue = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                           json: ["title": "回电"])
            #expect(noDue.status == 422)
            #expect(noDue.errorFields == ["dueOn"])
            let badDate = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                             json: ["title": "回电", "dueOn": "2026-02-30"])
            #expect(badDate.status == 400)
            #expect(badDate.errorFields == ["dueOn"])
            let doneAtOnce = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                                json: ["title": "回电", "dueOn": due.description, "state": "done"])
            #expect(doneAtOnce.status == 422)
            #expect(doneAtOnce.errorFields == ["evidence"])
            let list = try await api.call(client, .get, "/api/v1/customers/\(customer)/commitments", as: "alice")
            #expect(list.items.compactMap { $0["title"] as? String } == ["寄送样品"])
        }
    }

    @Test(arguments: TestEngine.available)
    func stateChanges_needEvidenceForDone_andAStaleVersionIsAConflict(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let id = try #require(try await api.promise(client, customer, "Send the price list", due: api.today(plus: 1), as: "alice")["id"] as? String)
            let uri = "/api/v1/commitments/\(id)"
            let bare = try await api.call(client, .patch, uri, as: "alice", json: ["state": "done", "version": 1])
            #expect(bare.status == 422)
            #expect(bare.errorFields == ["evidence"])
            let blank = try await api.call(client, .patch, uri, as: "alice", json: ["state": "done", "evidence": "   ", "version": 1])
            #expect(blank.errorFields == ["evidence"])
            let noVersion = try await api.call(client, .patch, uri, as: "alice", json: ["title": "x"])
            #expect(noVersion.errorFields == ["version"])
            let done = try await api.call(client, .patch, uri, as: "alice",
                                          json: ["state": "done", "evidence": "Emailed on Monday, read receipt", "version": 1])
            #expect(done.status == 200)
            #expect(done.string("state") == "done")
            #expect(done.string("closedAt") != nil)
            #expect(done.json["version"] as? Int == 2)
            let stale = try await api.call(client, .patch, uri, as: "alice", json: ["title": "Lost update", "version": 1])
            #expect(stale.status == 409)
            #expect(stale.json["currentVersion"] as? Int == 2)
            // A closed promise may only be reopened.
            let broken = try await api.call(client, .patch, uri, as: "alice", json: ["state": "broken", "version": 2])
            #expect(broken.errorFields == ["state"])
            let reopened = try await api.call(client, .patch, uri, as: "alice", json: ["state": "open"], headers: [.ifMatch: "\"2\""])
            #expect(reopened.status == 200)
            #expect(reopened.json["closedAt"] == nil)
            let cancelled = try await api.call(client, .patch, uri, as: "alice", json: ["state": "cancelled", "version": 3])
            #expect(cancelled.string("state") == "cancelled")
            #expect(try await api.call(client, .get, uri, as: "alice").headers[.eTag] == "\"4\"")
            let unknown = try await api.call(client, .patch, uri, as: "alice", json: ["state": "forgotten", "version": 4])
            #expect(unknown.status == 400)
            #expect(unknown.errorFields == ["state"])
        }
    }

    @Test(arguments: TestEngine.available)
    func keyPerson_isLinkedFromTheSameCustomerOnly_andCanBeUnlinked(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Evergreen Packaging", as: "alice")["id"] as? String)
            let other = try #require(try await api.customer(client, "Other Co", as: "alice")["id"] as? String)
            let ava = try await api.keyPerson(client, customer, "Ava", as: "alice")
            let stranger = try await api.keyPerson(client, other, "Noah", as: "alice")
            let wrong = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                           json: ["title": "Demo", "dueOn": api.today(plus: 1).description, "contactID": stranger])
            #expect(wrong.status == 422)
            #expect(wrong.errorFields == ["contactID"])
            let promise = try await api.promise(client, customer, "Demo", due: api.today(plus: 1), as: "alice", extra: ["contactID": ava])
            let id = try #require(promise["id"] as? String)
            #expect(promise["contactID"] as? String == ava)
            let kept = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "alice", json: ["title": "Demo day", "version": 1])
            #expect(kept.string("contactID") == ava)
            let unlinked = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "alice",
                                              json: ["contactID": NSNull(), "version": 2])
            #expect(unlinked.status == 200)
            #expect(unlinked.json["contactID"] == nil)
            #expect(try await api.call(client, .get, "/api/v1/commitments/\(id)", as: "alice").json["contactID"] == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func deletedPromise_leavesTheLists_andComesBackOnRestore(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Contoso", as: "alice")["id"] as? String)
            let id = try #require(try await api.promise(client, customer, "Quote", due: api.today(plus: 2), as: "alice")["id"] as? String)
            let deleted = try await api.call(client, .delete, "/api/v1/commitments/\(id)", as: "alice")
            #expect(deleted.status == 200)
            #expect(deleted.string("deletedAt") != nil)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/commitments", as: "alice").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/commitments?owner=me", as: "alice").items.isEmpty)
            let changeDeleted = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "alice", json: ["title": "x", "version": 2])
            #expect(changeDeleted.status == 403)
            let restored = try await api.call(client, .post, "/api/v1/commitments/\(id)/restore", as: "alice")
            #expect(restored.status == 200)
            #expect(restored.json["deletedAt"] == nil)
            #expect(restored.json["version"] as? Int == 3)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/commitments", as: "alice").items.count == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func list_filtersByOwnerOverdueAndDueDate_andPagesInDueOrder(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let aliceCustomer = try #require(try await api.customer(client, "Atlas", as: "alice")["id"] as? String)
            let bobCustomer = try #require(try await api.customer(client, "Borealis", as: "bob")["id"] as? String)
            for (title, days) in [("c", 3), ("a", 1), ("b", 2), ("d", 5)] {
                try await api.promise(client, aliceCustomer, title, due: api.today(plus: days), as: "alice")
            }
            try await api.promise(client, bobCustomer, "bob's", due: api.today(plus: 1), as: "bob")
            let first = try await api.call(client, .get, "/api/v1/commitments?owner=me&limit=2", as: "alice")
            #expect(first.items.compactMap { $0["title"] as? String } == ["a", "b"])
            let cursor = try #require(first.string("nextCursor"))
            let second = try await api.call(client, .get, "/api/v1/commitments?owner=me&limit=2&cursor=\(cursor.query)", as: "alice")
            #expect(second.items.compactMap { $0["title"] as? String } == ["c", "d"])
            #expect(second.string("nextCursor") == nil)
            // Nothing is overdue yet; three days later two are.
            #expect(try await api.call(client, .get, "/api/v1/commitments?overdue=true", as: "alice").items.isEmpty)
            api.world.clock.advance(by: 3 * 86_400)
            let overdue = try await api.call(client, .get, "/api/v1/commitments?overdue=true&owner=me", as: "alice")
            #expect(overdue.items.compactMap { $0["title"] as? String } == ["a", "b"])
            let dueBy = try await api.call(client, .get, "/api/v1/commitments?dueBy=\(api.today())", as: "alice")
            #expect(dueBy.items.compactMap { $0["title"] as? String } == ["a", "b", "c"])
            // Mia sees the team's; by owner id she can narrow to bob's.
            #expect(try await api.call(client, .get, "/api/v1/commitments", as: "mia").items.count == 5)
            let bobs = try await api.call(client, .get, "/api/v1/commitments?owner=\(api.world.bob.id)", as: "mia")
            #expect(bobs.items.compactMap { $0["title"] as? String } == ["bob's"])
            #expect(try await api.call(client, .get, "/api/v1/commitments?customer=\(aliceCustomer)", as: "mia").items.count == 4)
            let badOwner = try await api.call(client, .get, "/api/v1/commitments?owner=someone", as: "alice")
            #expect(badOwner.status == 400)
            #expect(badOwner.errorFields == ["owner"])
            #expect(try await api.call(client, .get, "/api/v1/commitments?state=later", as: "alice").errorFields == ["state"])
        }
    }

    @Test(arguments: TestEngine.available)
    func otherReps_cannotSeeOrChangeThePromises_andRepsCannotGiveThemAway(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "阿里巴巴（中国）有限公司", as: "alice")["id"] as? String)
            let id = try #require(try await api.promise(client, customer, "安排工厂参观", due: api.today(plus: 4), as: "alice")["id"] as? String)
            for (method, uri) in [(HTTPRequest.Method.get, "/api/v1/commitments/\(id)"), (.delete, "/api/v1/commitments/\(id)"),
                                  (.post, "/api/v1/commitments/\(id)/restore"), (.get, "/api/v1/customers/\(customer)/commitments")] {
                let reply = try await api.call(client, method, uri, as: "bob")
                #expect(reply.status == 404, "\(method) \(uri) → \(reply.status)")
            }
            let patch = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "bob", json: ["title": "x", "version": 1])
            #expect(patch.status == 404)
            let create = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "bob",
                                            json: ["title": "x", "dueOn": api.today().description])
            #expect(create.status == 404)
            #expect(try await api.call(client, .get, "/api/v1/commitments", as: "bob").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/commitments", as: "carol").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/commitments/\(id)", as: "carol").status == 404)
            // Alice may not hand her promise to bob, on create or update; mia (manager) may not give it
            // to carol, who cannot see the customer.
            let toBob = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                           json: ["title": "x", "dueOn": api.today().description, "ownerID": api.world.bob.id.description])
            #expect(toBob.status == 403)
            let moveToBob = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "alice",
                                               json: ["ownerID": api.world.bob.id.description, "version": 1])
            #expect(moveToBob.status == 403)
            let toCarol = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "mia",
                                             json: ["ownerID": api.world.carol.id.description, "version": 1])
            #expect(toCarol.status == 422)
            #expect(toCarol.errorFields == ["ownerID"])
            let unchanged = try await api.call(client, .get, "/api/v1/commitments/\(id)", as: "alice")
            #expect(unchanged.string("ownerID") == api.world.alice.id.description)
            #expect(unchanged.json["version"] as? Int == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func overduePromise_notifiesOwnerAndManagerOnce_andShowsOnTheManagersAgenda(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "杭州恒达纺织有限公司", as: "alice")["id"] as? String)
            let id = try #require(try await api.promise(client, customer, "提交报价单", due: api.today(plus: 1), as: "alice")["id"] as? String)
            #expect(try await api.world.app.background.escalateOverdueCommitments() == 0)
            // Due tomorrow: on the day after it is late.
            api.world.clock.advance(by: 2 * 86_400)
            #expect(try await api.world.app.background.escalateOverdueCommitments() == 1)
            #expect(try await api.world.app.background.escalateOverdueCommitments() == 0)
            for user in ["alice", "mia"] {
                let notices = try await api.call(client, .get, "/api/v1/notices?unread=true", as: user)
                #expect(notices.items.count == 1, "\(user)")
                let notice = try #require(notices.items.first)
                #expect(notice["kind"] as? String == "commitmentOverdue")
                #expect(notice["subjectID"] as? String == id)
                #expect(notice["customerID"] as? String == customer)
                #expect((notice["payload"] as? [String: any Sendable])?["title"] as? String == "提交报价单")
            }
            #expect(try await api.call(client, .get, "/api/v1/notices", as: "bob").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/notices", as: "carol").items.isEmpty)
            let escalated = try await api.call(client, .get, "/api/v1/commitments/\(id)", as: "alice")
            #expect(escalated.string("escalatedAt") != nil)

            // Mia's agenda lists alice's late promise; carol's does not; alice's has it as her own.
            let miaAgenda = try await api.call(client, .get, "/api/v1/agenda", as: "mia")
            let late = miaAgenda.items.filter { $0["kind"] as? String == "commitmentOverdue" }
            #expect(late.count == 1)
            #expect(late.first?["subjectID"] as? String == id)
            #expect(late.first?["userID"] as? String == api.world.alice.id.description)
            #expect(late.first?["customerName"] as? String == "杭州恒达纺织有限公司")
            #expect(late.first?["days"] as? Int == 1)
            #expect(!(try await api.call(client, .get, "/api/v1/agenda", as: "carol").items.contains { $0["subjectID"] as? String == id }))
            #expect(try await api.call(client, .get, "/api/v1/agenda", as: "alice").items.contains {
                $0["kind"] as? String == "commitmentOverdue" && $0["subjectID"] as? String == id
            })

            // Reading: one notice, then all.
            let miaNotice = try #require(try await api.call(client, .get, "/api/v1/notices", as: "mia").items.first?["id"] as? String)
            #expect(try await api.call(client, .post, "/api/v1/notices/\(miaNotice)/read", as: "mia").status == 204)
            #expect(try await api.call(client, .get, "/api/v1/notices?unread=true", as: "mia").items.isEmpty)
            // Another user's notice is not found (it used to answer 204 and do nothing).
            #expect(try await api.call(client, .post, "/api/v1/notices/\(miaNotice)/read", as: "alice").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/notices?unread=true", as: "alice").items.count == 1)
            #expect(try await api.call(client, .post, "/api/v1/notices/read", as: "alice").status == 204)
            #expect(try await api.call(client, .get, "/api/v1/notices?unread=true", as: "alice").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/notices", as: "alice").items.first?["readAt"] as? String != nil)

            // Moving the due date re-arms the escalation; kept promises never escalate.
            let moved = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "alice",
                                           json: ["dueOn": api.today().description, "version": 1])
            #expect(moved.json["escalatedAt"] == nil)
            let dueToday = try await api.call(client, .get, "/api/v1/agenda", as: "alice").items.first { $0["subjectID"] as? String == id }
            #expect(dueToday?["kind"] as? String == "commitmentDue")
            #expect(dueToday?["days"] as? Int == 0)
            #expect(!(try await api.call(client, .get, "/api/v1/agenda", as: "mia").items.contains { $0["subjectID"] as? String == id }))
            let kept = try await api.call(client, .patch, "/api/v1/commitments/\(id)", as: "alice",
                                          json: ["state": "done", "evidence": "已发送", "version": 2])
            #expect(kept.status == 200)
            api.world.clock.advance(by: 3 * 86_400)
            #expect(try await api.world.app.background.escalateOverdueCommitments() == 0)
        }
    }
}
