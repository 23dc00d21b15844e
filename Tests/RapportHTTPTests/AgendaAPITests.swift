import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing
import RapportApp

/// Care dates (solar and lunar), holidays and planned contacts on the agenda, and who may read
/// whose agenda.
@Suite struct AgendaAPITests {
    @Test(arguments: TestEngine.available)
    func lunarCareDate_fallsOnItsGregorianDay_andShowsWithinItsLeadTimeOnly(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            // The clock starts on 2026-09-21; lunar 8/15 of that year is 2026-09-25.
            #expect(api.today().description == "2026-09-21")
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let boss = try await api.keyPerson(client, customer, "王总", as: "alice")
            #expect(try await api.call(client, .put, "/api/v1/contacts/\(boss)/personality", as: "alice",
                                       json: ["temperament": "peaceful", "version": 0]).status == 200)
            let added = try await api.call(client, .post, "/api/v1/customers/\(customer)/care-dates", as: "alice", json: [
                "kind": "birthday", "calendar": "lunar", "month": 8, "day": 15, "leadDays": 3, "title": "王总生日",
                "contactID": boss,
            ])
            #expect(added.status == 201, "\(added.text)")
            let id = try #require(added.string("id"))
            #expect(added.headers[.location] == "/api/v1/care-dates/\(id)")
            #expect(added.string("nextOn") == "2026-09-25")
            #expect(added.string("contactID") == boss)
            let date = try #require(added.json["date"] as? [String: any Sendable])
            #expect(date["calendar"] as? String == "lunar")
            #expect(date["leapMonth"] as? Bool == false)
            #expect(date["year"] == nil)

            // Four days ahead with a three-day lead: not yet.
            #expect(!(try await api.call(client, .get, "/api/v1/agenda", as: "alice").items.contains { $0["kind"] as? String == "careDate" }))
            api.world.clock.advance(by: 86_400)
            let agenda = try await api.call(client, .get, "/api/v1/agenda", as: "alice", headers: [.acceptLanguage: "en"])
            let item = try #require(agenda.items.first { $0["kind"] as? String == "careDate" })
            #expect(item["subjectID"] as? String == id)
            #expect(item["date"] as? String == "2026-09-25")
            #expect(item["days"] as? Int == 3)
            #expect(item["title"] as? String == "王总生日")
            #expect(item["personName"] as? String == "王总")
            #expect(item["customerName"] as? String == "宁波金桥五金有限公司")
            let sections = ((item["guidance"] as? [String: any Sendable])?["sections"] as? [[String: any Sendable]]) ?? []
            #expect(sections.first?["key"] as? String == "peaceful")
            #expect((sections.first?["entry"] as? [String: any Sendable])?["name"] as? String == "Peaceful")
            // Bob sees neither the date nor the agenda line.
            #expect(!(try await api.call(client, .get, "/api/v1/agenda", as: "bob").items.contains { $0["kind"] as? String == "careDate" }))

            // A solar founding day with the kind's default lead time (14 days) and only the required fields.
            let founding = try await api.call(client, .post, "/api/v1/customers/\(customer)/care-dates", as: "alice",
                                              json: ["kind": "founding", "month": 10, "day": 1, "year": 2006])
            #expect(founding.status == 201, "\(founding.text)")
            let foundingDate = founding.json["date"] as? [String: any Sendable]
            #expect(foundingDate?["leadDays"] as? Int == 14)
            #expect(foundingDate?["calendar"] as? String == "solar")
            #expect(founding.string("nextOn") == "2026-10-01")
            let list = try await api.call(client, .get, "/api/v1/customers/\(customer)/care-dates", as: "alice")
            #expect(list.items.compactMap { $0["nextOn"] as? String } == ["2026-09-25", "2026-10-01"])
            // PATCH changes only what it names: a new title keeps kind, month, day, year and lead time.
            let foundingID = try #require(founding.string("id"))
            let retitled = try await api.call(client, .patch, "/api/v1/care-dates/\(foundingID)", as: "alice",
                                              json: ["title": "建厂二十周年", "version": 1])
            #expect(retitled.status == 200, "\(retitled.text)")
            let kept = retitled.json["date"] as? [String: any Sendable]
            #expect(kept?["title"] as? String == "建厂二十周年" && kept?["kind"] as? String == "founding")
            #expect(kept?["month"] as? Int == 10 && kept?["day"] as? Int == 1 && kept?["year"] as? Int == 2006)
            #expect(kept?["leadDays"] as? Int == 14 && retitled.string("nextOn") == "2026-10-01")
            let moved = try await api.call(client, .patch, "/api/v1/care-dates/\(foundingID)", as: "alice",
                                           json: ["day": 8, "year": NSNull(), "version": 2])
            #expect(moved.string("nextOn") == "2026-10-08" && (moved.json["date"] as? [String: any Sendable])?["year"] == nil)
            let impossible = try await api.call(client, .patch, "/api/v1/care-dates/\(foundingID)", as: "alice",
                                                json: ["month": 2, "day": 30, "version": 3])
            #expect(impossible.status == 422 && impossible.errorFields == ["day"])

            // Checks: a lunar month has at most 30 days; lead times stop at 60; bad kinds are malformed.
            let lunar31 = try await api.call(client, .post, "/api/v1/customers/\(customer)/care-dates", as: "alice",
                                             json: ["kind": "birthday", "calendar": "lunar", "month": 8, "day": 31])
            #expect(lunar31.status == 422)
            #expect(lunar31.errorFields == ["day"])
            let longLead = try await api.call(client, .post, "/api/v1/customers/\(customer)/care-dates", as: "alice",
                                              json: ["kind": "other", "month": 1, "day": 1, "leadDays": 61])
            #expect(longLead.errorFields == ["leadDays"])
            let badKind = try await api.call(client, .post, "/api/v1/customers/\(customer)/care-dates", as: "alice",
                                             json: ["kind": "wedding", "month": 1, "day": 1])
            #expect(badKind.status == 400)
            #expect(badKind.errorFields == ["kind"])
            let otherContact = try await api.call(client, .post, "/api/v1/customers/\(customer)/care-dates", as: "alice",
                                                  json: ["kind": "birthday", "month": 1, "day": 1, "contactID": UUID().uuidString])
            #expect(otherContact.errorFields == ["contactID"])

            // Change, delete, restore; bob cannot touch it.
            let changed = try await api.call(client, .patch, "/api/v1/care-dates/\(id)", as: "alice", json: [
                "kind": "birthday", "calendar": "solar", "month": 12, "day": 24, "leadDays": 7, "title": "王总生日", "version": 1,
            ])
            #expect(changed.status == 200, "\(changed.text)")
            #expect(changed.string("nextOn") == "2026-12-24")
            #expect(changed.string("contactID") == boss)
            let unlinked = try await api.call(client, .patch, "/api/v1/care-dates/\(id)", as: "alice", json: [
                "kind": "birthday", "month": 12, "day": 24, "contactID": NSNull(), "version": 2,
            ])
            #expect(unlinked.status == 200)
            #expect(unlinked.json["contactID"] == nil)
            #expect((unlinked.json["date"] as? [String: any Sendable])?["leadDays"] as? Int == 7)
            let stale = try await api.call(client, .patch, "/api/v1/care-dates/\(id)", as: "alice",
                                           json: ["kind": "birthday", "month": 12, "day": 25, "version": 2])
            #expect(stale.status == 409)
            #expect(try await api.call(client, .patch, "/api/v1/care-dates/\(id)", as: "bob",
                                       json: ["kind": "birthday", "month": 12, "day": 25, "version": 3]).status == 404)
            #expect(try await api.call(client, .delete, "/api/v1/care-dates/\(id)", as: "bob").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/care-dates", as: "bob").status == 404)
            let deleted = try await api.call(client, .delete, "/api/v1/care-dates/\(id)", as: "alice")
            #expect(deleted.string("deletedAt") != nil)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/care-dates", as: "alice").items.count == 1)
            let restored = try await api.call(client, .post, "/api/v1/care-dates/\(id)/restore", as: "alice")
            #expect(restored.status == 200)
            #expect(restored.json["deletedAt"] == nil)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/care-dates", as: "alice").items.count == 2)
        }
    }

    @Test(arguments: TestEngine.available)
    func holiday_showsForRepsWithCustomers_withinItsLeadTime(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            _ = try await api.customer(client, "Contoso", as: "alice")
            func midAutumn(_ user: String, language: String = "zh-CN") async throws -> [String: any Sendable]? {
                try await api.call(client, .get, "/api/v1/agenda", as: user, headers: [.acceptLanguage: language])
                    .items.first { $0["kind"] as? String == "holiday" && $0["subjectID"] as? String == "mid-autumn-festival" }
            }
            // Mid-Autumn 2026 is on 25 September, with a ten-day lead: not on the 14th, shown on the 18th.
            api.setClock(to: APIHarness.noon(try #require(CalendarDate(year: 2026, month: 9, day: 14))))
            #expect(try await midAutumn("alice") == nil)
            api.setClock(to: APIHarness.noon(try #require(CalendarDate(year: 2026, month: 9, day: 18))))
            let holiday = try #require(try await midAutumn("alice"))
            #expect(holiday["date"] as? String == "2026-09-25")
            #expect(holiday["days"] as? Int == 7)
            #expect(holiday["title"] as? String == "中秋节")
            #expect(holiday["userID"] as? String == api.world.alice.id.description)
            #expect(try await midAutumn("alice", language: "en")?["title"] as? String == "Mid-Autumn Festival")
            // Bob owns no customer: no holiday lines for him.
            #expect(try await midAutumn("bob") == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func plannedContact_carriesTheGuidanceCard_andManagersReadTheirTeamsAgenda(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "杭州恒达纺织有限公司", as: "alice")["id"] as? String)
            let buyer = try await api.keyPerson(client, customer, "陈经理", as: "alice")
            #expect(try await api.call(client, .put, "/api/v1/contacts/\(buyer)/personality", as: "alice",
                                       json: ["temperament": "powerful", "buyerType": "faultFinding", "version": 0]).status == 200)
            let now = api.world.clock.now()
            for (purpose, offset) in [("电话确认交期", 3600.0), ("上次拜访", -3600.0), ("下周展会", 5 * 86_400.0)] {
                let logged = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice", json: [
                    "channel": "phone", "purpose": purpose, "contactID": buyer,
                    "occurredAt": ISO8601DateFormatter().string(from: now.addingTimeInterval(offset)),
                ])
                #expect(logged.status == 201)
            }
            let agenda = try await api.call(client, .get, "/api/v1/agenda", as: "alice", headers: [.acceptLanguage: "zh-CN"])
            #expect(agenda.string("userID") == api.world.alice.id.description)
            #expect(agenda.string("today") == api.today().description)
            let planned = agenda.items.filter { $0["kind"] as? String == "plannedContact" }
            #expect(planned.compactMap { $0["title"] as? String } == ["电话确认交期"])
            let item = try #require(planned.first)
            #expect(item["days"] as? Int == 0)
            #expect(item["personName"] as? String == "陈经理")
            #expect(item["contactID"] as? String == buyer)
            let sections = ((item["guidance"] as? [String: any Sendable])?["sections"] as? [[String: any Sendable]]) ?? []
            #expect(sections.compactMap { $0["key"] as? String } == ["powerful", "faultFinding"])
            #expect((sections.first?["entry"] as? [String: any Sendable])?["name"] as? String == "力量型")

            // Mia (manager of East) may open alice's agenda; reps may not open anyone else's.
            let forAlice = try await api.call(client, .get, "/api/v1/agenda?user=\(api.world.alice.id)", as: "mia")
            #expect(forAlice.status == 200)
            #expect(forAlice.string("userID") == api.world.alice.id.description)
            #expect(forAlice.items.contains { $0["kind"] as? String == "plannedContact" && $0["title"] as? String == "电话确认交期" })
            #expect(try await api.call(client, .get, "/api/v1/agenda?user=\(api.world.alice.id)", as: "alice").status == 200)
            #expect(try await api.call(client, .get, "/api/v1/agenda?user=\(api.world.bob.id)", as: "alice").status == 403)
            #expect(try await api.call(client, .get, "/api/v1/agenda?user=\(api.world.alice.id)", as: "bob").status == 403)
            #expect(try await api.call(client, .get, "/api/v1/agenda?user=\(api.world.carol.id)", as: "mia").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/agenda?user=\(api.world.carol.id)", as: "admin").status == 200)
            let malformed = try await api.call(client, .get, "/api/v1/agenda?user=alice", as: "mia")
            #expect(malformed.status == 400)
            #expect(malformed.errorFields == ["user"])
        }
    }
}

/// The agenda lists the oldest due promises and says when there are more.
@Suite struct AgendaLimitTests {
    @Test(arguments: TestEngine.available)
    func agenda_listsTheOldestFiftyPromises_andSaysThereAreMore(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            for day in 1...51 {
                _ = try await api.promise(client, customer, "承诺 \(day)", due: api.today(plus: -day), as: "alice")
            }
            let agenda = try await api.call(client, .get, "/api/v1/agenda", as: "alice")
            let items = (agenda.json["items"] as? [[String: any Sendable]]) ?? []
            let overdue = items.filter { $0["kind"] as? String == "commitmentOverdue" }
            #expect(overdue.count == 50)
            #expect(agenda.json["morePromises"] as? Bool == true)
            #expect(overdue.first?["title"] as? String == "承诺 51")
            #expect(!overdue.contains { $0["title"] as? String == "承诺 1" })
            let bob = try await api.call(client, .get, "/api/v1/agenda", as: "bob")
            #expect(bob.json["morePromises"] as? Bool == false)
        }
    }
}
