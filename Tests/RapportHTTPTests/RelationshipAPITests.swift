import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing
import RapportApp

/// Personalities with their guidance cards, a customer's situation and expectation status, and
/// the handover a new owner receives.
@Suite struct RelationshipAPITests {
    @Test(arguments: TestEngine.available)
    func personality_suggestsFromAnswers_isConfirmed_andGuidesInTheReadersLanguage(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let questionnaire = try await api.call(client, .get, "/api/v1/personality/questionnaire", as: "alice",
                                                   headers: [.acceptLanguage: "en"])
            #expect(questionnaire.status == 200)
            #expect(questionnaire.string("language") == "en")
            let questions = (questionnaire.json["questions"] as? [[String: any Sendable]]) ?? []
            #expect(Set(questions.compactMap { $0["axis"] as? String }) == ["pace", "focus"])
            let chinese = try await api.call(client, .get, "/api/v1/personality/questionnaire", as: "alice", headers: [.acceptLanguage: "zh-CN"])
            #expect(chinese.string("language") == "zh-Hans")

            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let person = try await api.keyPerson(client, customer, "王总", as: "alice")
            let uri = "/api/v1/contacts/\(person)/personality"
            let empty = try await api.call(client, .get, uri, as: "alice")
            #expect(empty.json["version"] as? Int == 0)
            #expect(empty.headers[.eTag] == "\"0\"")
            #expect(((empty.json["guidance"] as? [String: any Sendable])?["sections"] as? [Any])?.isEmpty == true)

            // Careful and formal: the questionnaire suggests "perfect"; nothing is confirmed yet.
            let answered = try await api.call(client, .put, uri, as: "alice", json: [
                "answers": ["pace.risk": "staysSafe", "pace.decisions": "needsTime", "focus.mood": "formal"], "version": 0,
            ])
            #expect(answered.status == 200)
            #expect(answered.json["version"] as? Int == 1)
            var personality = try #require(answered.json["personality"] as? [String: any Sendable])
            #expect(personality["suggestedTemperament"] as? String == "perfect")
            #expect(personality["temperament"] == nil)
            #expect(personality["confirmedBy"] == nil)
            var sections = sectionsOf(answered)
            #expect(sections.first?["kind"] as? String == "temperament")
            #expect(sections.first?["key"] as? String == "perfect")
            #expect(sections.first?["suggested"] as? Bool == true)

            // The rep knows better: powerful, and a fault-finding buyer.
            let confirmed = try await api.call(client, .put, uri, as: "alice",
                                               json: ["temperament": "powerful", "buyerType": "faultFinding", "version": 1])
            #expect(confirmed.status == 200)
            personality = try #require(confirmed.json["personality"] as? [String: any Sendable])
            #expect(personality["temperament"] as? String == "powerful")
            #expect(personality["suggestedTemperament"] as? String == "perfect")
            #expect(personality["confirmedBy"] as? String == api.world.alice.id.description)
            #expect(personality["confirmedAt"] as? String != nil)
            #expect(personality["buyerType"] as? String == "faultFinding")
            sections = sectionsOf(confirmed)
            #expect(sections.compactMap { $0["kind"] as? String } == ["temperament", "buyerType"])
            #expect(sections.first?["suggested"] as? Bool == false)

            // Same card, two languages.
            let english = try await api.call(client, .get, uri, as: "alice", headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            let zh = try await api.call(client, .get, uri, as: "alice", headers: [.acceptLanguage: "zh-CN,zh;q=0.9"])
            let englishEntry = sectionsOf(english).first?["entry"] as? [String: any Sendable]
            let zhEntry = sectionsOf(zh).first?["entry"] as? [String: any Sendable]
            #expect(englishEntry?["name"] as? String == "Powerful")
            #expect(zhEntry?["name"] as? String == "力量型")
            #expect((englishEntry?["open"] as? String) != (zhEntry?["open"] as? String))
            #expect((zhEntry?["open"] as? String)?.isEmpty == false)

            // Bad values are named; stale versions conflict; creating twice is a conflict too.
            let badType = try await api.call(client, .put, uri, as: "alice", json: ["buyerType": "grumpy", "version": 2])
            #expect(badType.status == 422)
            #expect(badType.errorFields == ["buyerType"])
            let badAnswer = try await api.call(client, .put, uri, as: "alice", json: ["answers": ["pace.risk": "maybe"], "version": 2])
            #expect(badAnswer.errorFields == ["answers.pace.risk"])
            let stale = try await api.call(client, .put, uri, as: "alice", json: ["temperament": "popular", "version": 1])
            #expect(stale.status == 409)
            #expect(stale.json["currentVersion"] as? Int == 2)
            let again = try await api.call(client, .put, uri, as: "alice", json: ["temperament": "popular", "version": 0])
            #expect(again.status == 409)
            #expect(again.json["currentVersion"] as? Int == 2)
            let noVersion = try await api.call(client, .put, uri, as: "alice", json: ["temperament": "popular"])
            #expect(noVersion.errorFields == ["version"])
            let cleared = try await api.call(client, .put, uri, as: "alice", json: ["temperament": "", "version": 2])
            let clearedPersonality = cleared.json["personality"] as? [String: any Sendable]
            #expect(clearedPersonality?["temperament"] == nil)
            #expect(clearedPersonality?["confirmedBy"] == nil)
            #expect(clearedPersonality?["buyerType"] as? String == "faultFinding")

            // Others: bob cannot read or write it; mia can read it.
            #expect(try await api.call(client, .get, uri, as: "bob").status == 404)
            #expect(try await api.call(client, .put, uri, as: "bob", json: ["temperament": "popular", "version": 3]).status == 404)
            #expect(try await api.call(client, .get, uri, as: "mia").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func personCustomers_haveAPersonality_organisationsDoNot(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let company = try #require(try await api.customer(client, "Contoso", as: "alice")["id"] as? String)
            let refused = try await api.call(client, .get, "/api/v1/customers/\(company)/personality", as: "alice")
            #expect(refused.status == 403)
            let refusedPut = try await api.call(client, .put, "/api/v1/customers/\(company)/personality", as: "alice",
                                                json: ["temperament": "popular", "version": 0])
            #expect(refusedPut.status == 403)
            let person = try #require(try await api.customer(client, "李女士", as: "alice", extra: ["kind": "individual"])["id"] as? String)
            let saved = try await api.call(client, .put, "/api/v1/customers/\(person)/personality", as: "alice",
                                           json: ["temperament": "popular", "onlineType": "bargainer", "version": 0])
            #expect(saved.status == 200)
            #expect(saved.string("customerID") == person)
            #expect(saved.json["contactID"] == nil)
            #expect(sectionsOf(saved).compactMap { $0["key"] as? String } == ["popular", "bargainer"])
            let badOnline = try await api.call(client, .put, "/api/v1/customers/\(person)/personality", as: "alice",
                                               json: ["onlineType": "lurker", "version": 1])
            #expect(badOnline.errorFields == ["onlineType"])
            #expect(try await api.call(client, .get, "/api/v1/customers/\(person)/personality", as: "carol").status == 404)
            // The team mix counts it, for managers only.
            let mix = try await api.call(client, .get, "/api/v1/team/personality-mix", as: "mia")
            #expect(mix.status == 200)
            #expect(mix.items.contains { $0["temperament"] as? String == "popular" && $0["count"] as? Int == 1 })
            #expect(try await api.call(client, .get, "/api/v1/team/personality-mix", as: "alice").status == 403)
        }
    }

    @Test(arguments: TestEngine.available)
    func situation_startsFromTheBusinessTypeDefaults_thenFollowsTheCustomersHistory(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "杭州恒达纺织有限公司", as: "alice")["id"] as? String)
            let uri = "/api/v1/customers/\(customer)/situation"
            let fresh = try await api.call(client, .get, uri, as: "alice")
            #expect(fresh.status == 200)
            #expect(fresh.json["version"] as? Int == 0)
            let freshStatus = try #require(fresh.json["expectation"] as? [String: any Sendable])
            #expect(freshStatus["source"] as? String == "defaults")
            #expect(freshStatus["measure"] as? String == "orders")

            let retail = try await api.call(client, .put, uri, as: "alice", json: [
                "joinReasons": ["lowerCosts", "businessOpportunities", ""], "motivation": "profitDriven", "businessType": "retail",
                "version": 0,
            ])
            #expect(retail.status == 200)
            #expect(retail.json["version"] as? Int == 1)
            let situation = try #require(retail.json["situation"] as? [String: any Sendable])
            #expect(situation["joinReasons"] as? [String] == ["lowerCosts", "businessOpportunities"])
            #expect(situation["motivation"] as? String == "profitDriven")
            let retailStatus = try #require(retail.json["expectation"] as? [String: any Sendable])
            #expect(retailStatus["measure"] as? String == "units")
            #expect(retailStatus["bottom"] as? Int == 1)
            #expect(retailStatus["satisfaction"] as? Int == 3)
            #expect(retailStatus["source"] as? String == "defaults")
            // A customer created today is too new for "below the bottom line"...
            #expect(retailStatus["level"] as? String == "tooEarly")
            // ...unless its records say the relationship is older: an order booked 200 days ago (an imported
            // customer's history) makes the window judgeable, and 0 units is then below the bottom line.
            let booked = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice", json: [
                "orderedOn": api.today(plus: -200).description,
                "lines": [["description": "首批面料", "quantity": 1, "unitPrice": 1000] as [String: any Sendable]],
            ])
            #expect(booked.status == 201, "\(booked.text)")
            let older = try #require(try await api.call(client, .get, uri, as: "alice").json["expectation"] as? [String: any Sendable])
            #expect(older["level"] as? String == "belowBottom")
            let orderID = try #require(booked.json["id"] as? String)
            #expect(try await api.call(client, .delete, "/api/v1/orders/\(orderID)", as: "alice").status == 200)
            let again = try #require(try await api.call(client, .get, uri, as: "alice").json["expectation"] as? [String: any Sendable])
            #expect(again["level"] as? String == "tooEarly")

            let bad = try await api.call(client, .put, uri, as: "alice", json: ["joinReasons": ["fun", "lowerCosts", "lowerCosts"],
                                                                                  "businessType": "mining", "version": 1])
            #expect(bad.status == 422)
            #expect(bad.errorFields == ["joinReasons", "joinReasons", "businessType"])
            #expect(try await api.call(client, .put, uri, as: "alice", json: ["motivation": "", "version": 0]).status == 409)
            let stale = try await api.call(client, .put, uri, as: "alice", json: ["motivation": "", "version": 7])
            #expect(stale.status == 409)
            #expect(stale.json["currentVersion"] as? Int == 1)

            // A manufacturer counts long-term customers gained per 12 months. The two past windows
            // (ending a year ago and two years ago) hold 4 and 3; the first result opens the older one.
            let manufacturer = try await api.call(client, .put, uri, as: "alice", json: ["businessType": "manufacturer", "version": 1])
            #expect(manufacturer.status == 200)
            let today = api.today()
            let twoYearsAgo = try #require(CalendarDate(year: today.year - 3, month: today.month, day: today.day)).adding(days: 1)
            let lastYear = try #require(CalendarDate(year: today.year - 1, month: today.month, day: today.day)).adding(days: -30)
            for (on, value) in [(twoYearsAgo, 3), (lastYear, 4)] {
                let recorded = try await api.call(client, .post, "/api/v1/customers/\(customer)/results", as: "alice",
                                                  json: ["on": on.description, "measure": "longTermCustomers", "value": value, "note": "年度复盘"])
                #expect(recorded.status == 201, "\(recorded.text)")
            }
            let history = try await api.call(client, .get, uri, as: "alice")
            let status = try #require(history.json["expectation"] as? [String: any Sendable])
            #expect(status["measure"] as? String == "longTermCustomers")
            #expect(status["source"] as? String == "history")
            #expect((status["history"] as? [[String: any Sendable]])?.compactMap { $0["total"] as? Int } == [4, 3])
            // bottom = round(3 × 0.9) = 3; satisfaction = ceil(3.5 × 1.1) = 4; nothing yet this year.
            #expect(status["bottom"] as? Int == 3)
            #expect(status["satisfaction"] as? Int == 4)
            #expect(status["measured"] as? Int == 0)
            #expect(status["level"] as? String == "belowBottom")

            // Three this year: between; a fourth one (dated yesterday) reaches satisfaction.
            let thisYear = try await api.call(client, .post, "/api/v1/customers/\(customer)/results", as: "alice",
                                              json: ["on": today.adding(days: -10).description, "measure": "longTermCustomers", "value": 3])
            #expect(thisYear.status == 201)
            #expect(levelOf(try await api.call(client, .get, uri, as: "alice")) == "between")
            let orders = try await api.call(client, .post, "/api/v1/customers/\(customer)/results", as: "alice",
                                            json: ["on": today.adding(days: -1).description, "measure": "orders", "value": 50])
            #expect(orders.status == 201)
            #expect(levelOf(try await api.call(client, .get, uri, as: "alice")) == "between")
            let fourth = try await api.call(client, .post, "/api/v1/customers/\(customer)/results", as: "alice",
                                            json: ["on": today.adding(days: -1).description, "measure": "longTermCustomers", "value": 1])
            let fourthID = try #require(fourth.string("id"))
            #expect(levelOf(try await api.call(client, .get, uri, as: "alice")) == "aboveSatisfaction")
            // Entered by mistake: removed, then restored.
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(customer)/results/\(fourthID)", as: "alice").status == 204)
            #expect(levelOf(try await api.call(client, .get, uri, as: "alice")) == "between")
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/results", as: "alice").items.count == 4)
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(customer)/results/\(fourthID)?restore=true", as: "alice").status == 204)
            #expect(levelOf(try await api.call(client, .get, uri, as: "alice")) == "aboveSatisfaction")

            // Input checks and access.
            let future = try await api.call(client, .post, "/api/v1/customers/\(customer)/results", as: "alice",
                                            json: ["on": today.adding(days: 30).description, "measure": "orders", "value": 1])
            #expect(future.errorFields == ["on"])
            let negative = try await api.call(client, .post, "/api/v1/customers/\(customer)/results", as: "alice",
                                              json: ["on": today.description, "measure": "orders", "value": -1])
            #expect(negative.errorFields == ["value"])
            let badMeasure = try await api.call(client, .post, "/api/v1/customers/\(customer)/results", as: "alice",
                                                json: ["on": today.description, "measure": "smiles", "value": 1])
            #expect(badMeasure.status == 400)
            #expect(badMeasure.errorFields == ["measure"])
            #expect(try await api.call(client, .get, uri, as: "bob").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/results", as: "bob").status == 404)
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(customer)/results/\(fourthID)", as: "bob").status == 404)
            #expect(try await api.call(client, .put, uri, as: "bob", json: ["motivation": "", "version": 3]).status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func reassignment_handsTheFileAndOpenPromisesToTheNewOwner(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let boss = try await api.keyPerson(client, customer, "王总", as: "alice")
            let typed = try await api.call(client, .put, "/api/v1/contacts/\(boss)/personality", as: "alice",
                                           json: ["temperament": "powerful", "buyerType": "brisk", "version": 0])
            #expect(typed.status == 200)
            let open = try #require(try await api.promise(client, customer, "寄送样品", due: api.today(plus: 5), as: "alice",
                                                          extra: ["contactID": boss])["id"] as? String)
            let closed = try #require(try await api.promise(client, customer, "报价", due: api.today(plus: 1), as: "alice")["id"] as? String)
            #expect(try await api.call(client, .patch, "/api/v1/commitments/\(closed)", as: "alice",
                                       json: ["state": "done", "evidence": "已邮件", "version": 1]).status == 200)
            try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                               json: ["channel": "visit", "purpose": "初次拜访", "occurredAt": "2026-09-01T02:00:00Z"])

            let moved = try await api.call(client, .patch, "/api/v1/customers/\(customer)", as: "mia",
                                           json: ["ownerID": api.world.bob.id.description, "version": 1])
            #expect(moved.status == 200)

            // Bob's agenda and unread list carry it, with the snapshot.
            let agenda = try await api.call(client, .get, "/api/v1/agenda", as: "bob")
            let item = try #require(agenda.items.first { $0["kind"] as? String == "handover" })
            #expect(item["customerID"] as? String == customer)
            #expect(item["title"] as? String == "宁波金桥五金有限公司")
            let unread = try await api.call(client, .get, "/api/v1/handovers", as: "bob")
            #expect(unread.items.count == 1)
            let handoverID = try #require(unread.items.first?["id"] as? String)
            #expect(item["subjectID"] as? String == handoverID)
            let list = try await api.call(client, .get, "/api/v1/customers/\(customer)/handovers", as: "bob")
            let handover = try #require(list.items.first)
            #expect(handover["fromUserID"] as? String == api.world.alice.id.description)
            #expect(handover["toUserID"] as? String == api.world.bob.id.description)
            #expect(handover["createdBy"] as? String == api.world.mia.id.description)
            let summary = try #require(handover["summary"] as? [String: any Sendable])
            #expect(summary["previousOwnerName"] as? String == "Alice")
            #expect(summary["activityCount"] as? Int == 1)
            #expect((summary["openCommitments"] as? [[String: any Sendable]])?.compactMap { $0["text"] as? String } == ["寄送样品"])
            let persons = (summary["keyPersons"] as? [[String: any Sendable]]) ?? []
            #expect(persons.count == 1)
            #expect(persons.first?["name"] as? String == "王总")
            #expect(persons.first?["temperament"] as? String == "powerful")
            #expect(persons.first?["buyerType"] as? String == "brisk")
            #expect(summary["expectationLevel"] as? String == "tooEarly")
            let bobNotices = try await api.call(client, .get, "/api/v1/notices", as: "bob")
            #expect(bobNotices.items.contains { $0["kind"] as? String == "handoverReceived" && $0["subjectID"] as? String == handoverID })

            // The open promise is bob's now; the kept one stays alice's record.
            let promise = try await api.call(client, .get, "/api/v1/commitments/\(open)", as: "bob")
            #expect(promise.string("ownerID") == api.world.bob.id.description)
            #expect(promise.json["version"] as? Int == 2)
            #expect(try await api.call(client, .get, "/api/v1/commitments/\(closed)", as: "bob").string("ownerID") == api.world.alice.id.description)
            #expect(try await api.call(client, .get, "/api/v1/commitments?owner=me", as: "bob").items.compactMap { $0["id"] as? String } == [open])
            #expect(try await api.call(client, .get, "/api/v1/commitments?owner=me", as: "alice").items.isEmpty)

            // The audit trail has the reassignment and the moved promises.
            let history = try await api.call(client, .get, "/api/v1/customers/\(customer)/history", as: "mia")
            let reassignments = history.items.filter { $0["action"] as? String == "reassign" }
            #expect(reassignments.count == 2)
            #expect(reassignments.contains { ($0["after"] as? String)?.contains("commitmentsOwner") == true })

            // Only bob may mark it read; alice no longer sees the customer, mia is not the recipient.
            #expect(try await api.call(client, .post, "/api/v1/handovers/\(handoverID)/read", as: "alice").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/handovers/\(handoverID)", as: "alice").status == 404)
            #expect(try await api.call(client, .post, "/api/v1/handovers/\(handoverID)/read", as: "mia").status == 403)
            #expect(try await api.call(client, .get, "/api/v1/handovers/\(handoverID)", as: "carol").status == 404)
            let read = try await api.call(client, .post, "/api/v1/handovers/\(handoverID)/read", as: "bob")
            #expect(read.status == 200)
            #expect(read.string("readAt") != nil)
            #expect(try await api.call(client, .get, "/api/v1/handovers", as: "bob").items.isEmpty)
            #expect(!(try await api.call(client, .get, "/api/v1/agenda", as: "bob").items.contains { $0["kind"] as? String == "handover" }))
            #expect(try await api.call(client, .get, "/api/v1/handovers/\(handoverID)", as: "mia").status == 200)
        }
    }

    private func sectionsOf(_ reply: Reply) -> [[String: any Sendable]] {
        ((reply.json["guidance"] as? [String: any Sendable])?["sections"] as? [[String: any Sendable]]) ?? []
    }

    private func levelOf(_ reply: Reply) -> String? {
        (reply.json["expectation"] as? [String: any Sendable])?["level"] as? String
    }
}
