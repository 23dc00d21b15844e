import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore

@Suite struct KeyPersonAndTimelineTests {
    @Test(arguments: TestEngine.available)
    func keyPersons_formAnOrgChart_andRejectLoopsAndBadLevels(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let boss = try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "alice", json: [
                "name": "王总", "title": "总经理", "influence": "high", "involvement": 1, "phone": "13900001111",
                "interests": "茶道", "painPoints": "交期不稳定", "supplierExpectations": "准时交货",
                "relationshipWithUs": "信任", "relationshipWithCompetitors": "一般", "wechat": "wang_ceo",
                "relationshipOwnerID": api.world.alice.id.description,
            ])
            #expect(boss.status == 201)
            let bossID = try #require(boss.string("id"))
            let coach = try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "alice", json: [
                "name": "李工", "title": "采购专员", "isCoach": true, "reportsToID": bossID, "involvement": 3,
            ])
            #expect(coach.status == 201)
            #expect(coach.json["isCoach"] as? Bool == true)
            let coachID = try #require(coach.string("id"))
            let loop = try await api.call(client, .patch, "/api/v1/contacts/\(bossID)", as: "alice", json: ["reportsToID": coachID, "version": 1])
            #expect(loop.status == 422)
            #expect(loop.errorFields == ["reportsToID"])
            let level = try await api.call(client, .patch, "/api/v1/contacts/\(coachID)", as: "alice", json: ["involvement": 6, "version": 1])
            #expect(level.errorFields == ["involvement"])
            let list = try await api.call(client, .get, "/api/v1/customers/\(customer)/contacts", as: "alice")
            #expect(list.items.count == 2)
            // The customer is found by its key person's name and phone.
            #expect(try await api.call(client, .get, "/api/v1/customers?q=\("李工".query)", as: "alice").items.count == 1)
            #expect(try await api.call(client, .get, "/api/v1/customers?q=1390000", as: "alice").items.count == 1)
            #expect(try await api.call(client, .get, "/api/v1/contacts?q=\("王".query)", as: "alice").items.count == 1)
            #expect(try await api.call(client, .get, "/api/v1/contacts/\(bossID)", as: "bob").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/contacts", as: "bob").items.isEmpty)
            // A second contact with the same phone elsewhere is flagged.
            let other = try #require(try await api.customer(client, "Other Co", as: "bob")["id"] as? String)
            let dup = try await api.call(client, .post, "/api/v1/customers/\(other)/contacts", as: "bob", json: ["name": "W", "phone": "139-0000-1111"])
            #expect(dup.status == 409)
            #expect(try await api.call(client, .delete, "/api/v1/contacts/\(coachID)", as: "alice").status == 200)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/contacts", as: "alice").items.count == 1)
            #expect(try await api.call(client, .post, "/api/v1/contacts/\(coachID)/restore", as: "alice").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func activities_formATimelineNewestFirst_andNotesBelongToTheirAuthor(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            for (day, channel) in [(3, "visit"), (1, "wechat"), (2, "phone")] {
                let reply = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice", json: [
                    "channel": channel, "purpose": "回访", "outcome": "满意", "occurredAt": "2026-11-0\(day)T08:00:00Z",
                ])
                #expect(reply.status == 201)
                #expect(reply.string("userID") == api.world.alice.id.description)
            }
            let timeline = try await api.call(client, .get, "/api/v1/customers/\(customer)/activities?limit=2", as: "alice")
            #expect(timeline.items.compactMap { $0["channel"] as? String } == ["visit", "phone"])
            let next = try #require(timeline.string("nextCursor"))
            let rest = try await api.call(client, .get, "/api/v1/customers/\(customer)/activities?limit=2&cursor=\(next)", as: "alice")
            #expect(rest.items.compactMap { $0["channel"] as? String } == ["wechat"])
            let badChannel = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                                                json: ["channel": "pigeon", "purpose": "x"])
            #expect(badChannel.errorFields == ["channel"])
            let noPurpose = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice", json: ["channel": "sms"])
            #expect(noPurpose.errorFields == ["purpose"])
            let note = try await api.call(client, .post, "/api/v1/customers/\(customer)/notes", as: "alice", json: ["body": "客户偏好下午拜访"])
            #expect(note.status == 201)
            let noteID = try #require(note.string("id"))
            // Mia (manager) can read it but not rewrite alice's words.
            #expect(try await api.call(client, .get, "/api/v1/notes/\(noteID)", as: "mia").status == 200)
            #expect(try await api.call(client, .patch, "/api/v1/notes/\(noteID)", as: "mia", json: ["body": "x", "version": 1]).status == 403)
            #expect(try await api.call(client, .patch, "/api/v1/notes/\(noteID)", as: "alice", json: ["body": "改为上午", "version": 1]).status == 200)
            #expect(try await api.call(client, .get, "/api/v1/notes/\(noteID)", as: "bob").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/notes", as: "alice").items.first?["body"] as? String == "改为上午")
        }
    }

    @Test(arguments: TestEngine.available)
    func customFields_areDefinedByAdmins_andCheckedOnRecords(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let level = try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
                "object": "customer", "key": "level", "labelZh": "客户级别", "labelEn": "Level", "kind": "singleChoice", "options": ["A", "B", "C"],
            ])
            #expect(level.status == 201)
            let budget = try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
                "object": "customer", "key": "budget", "labelZh": "预算", "labelEn": "Budget", "kind": "number",
            ])
            #expect(budget.status == 201)
            let again = try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
                "object": "customer", "key": "level", "labelZh": "x", "labelEn": "x", "kind": "text",
            ])
            #expect(again.errorFields == ["key"])
            let badKey = try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
                "object": "customer", "key": "Bad Key", "labelZh": "x", "labelEn": "x", "kind": "text",
            ])
            #expect(badKey.errorFields == ["key"])
            let ok = try await api.call(client, .post, "/api/v1/customers", as: "alice",
                                        json: ["name": "Atlas", "custom": ["level": "A", "budget": "12000"]])
            #expect(ok.status == 201)
            let custom = ok.json["custom"] as? [String: any Sendable]
            #expect(custom?["level"] as? String == "A")
            #expect((custom?["budget"] as? NSNumber)?.doubleValue == 12000)
            let bad = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": "Atlas 2", "custom": ["level": "Z", "nope": "x"]])
            #expect(Set(bad.errorFields) == ["custom.level", "custom.nope"])
            let id = try #require(ok.string("id"))
            let cleared = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "alice", json: ["custom": ["budget": NSNull()], "version": 1])
            #expect(cleared.status == 200)
            #expect((cleared.json["custom"] as? [String: any Sendable])?["budget"] == nil)
            let fieldID = try #require(budget.string("id"))
            #expect(try await api.call(client, .delete, "/api/v1/custom-fields/\(fieldID)", as: "admin").status == 200)
            #expect(try await api.call(client, .get, "/api/v1/custom-fields?object=customer", as: "alice").items.count == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func activityOfADeletedKeyPerson_canStillBeEdited_butNotRelinkedToOne(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Evergreen Packaging", as: "alice")["id"] as? String)
            let person = try #require(try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "alice",
                                                         json: ["name": "Ava"]).string("id"))
            let activity = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                                              json: ["channel": "visit", "purpose": "demo", "contactID": person])
            let activityID = try #require(activity.string("id"))
            #expect(try await api.call(client, .delete, "/api/v1/contacts/\(person)", as: "alice").status == 200)
            let edited = try await api.call(client, .patch, "/api/v1/activities/\(activityID)", as: "alice",
                                            json: ["outcome": "signed", "version": 1])
            #expect(edited.status == 200)
            #expect(edited.string("contactID") == person)
            let other = try #require(try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "alice",
                                                        json: ["name": "Noah"]).string("id"))
            #expect(try await api.call(client, .delete, "/api/v1/contacts/\(other)", as: "alice").status == 200)
            let relinked = try await api.call(client, .patch, "/api/v1/activities/\(activityID)", as: "alice",
                                              json: ["contactID": other, "version": 2])
            #expect(relinked.errorFields == ["contactID"])
        }
    }

    @Test(arguments: TestEngine.available)
    func choiceFieldOptions_areCheckedOnUpdateToo(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let field = try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
                "object": "contact", "key": "tier", "labelZh": "层级", "labelEn": "Tier", "kind": "singleChoice", "options": ["A", " A ", "B"],
            ])
            #expect(field.json["options"] as? [String] == ["A", "B"])
            let id = try #require(field.string("id"))
            let emptied = try await api.call(client, .patch, "/api/v1/custom-fields/\(id)", as: "admin", json: ["options": ["  "], "version": 1])
            #expect(emptied.errorFields == ["options"])
            let long = try await api.call(client, .patch, "/api/v1/custom-fields/\(id)", as: "admin",
                                          json: ["options": [String(repeating: "x", count: 101)], "version": 1])
            #expect(long.errorFields == ["options"])
            let renamed = try await api.call(client, .patch, "/api/v1/custom-fields/\(id)", as: "admin", json: ["options": ["A", "C"], "version": 1])
            #expect(renamed.json["options"] as? [String] == ["A", "C"])
        }
    }
}
