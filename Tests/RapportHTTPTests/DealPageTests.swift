import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportEdge
import RapportTestSupport
import RapportWeb
import Testing

/// The deal pages through the real application with a browser session: the no-JavaScript move
/// from the kanban, the close form's reason, the admin stage page's refusal of a stage in use,
/// and the team statistics counting customers with won and lost deals.
@Suite struct DealPageTests {
    typealias Browser = RelationshipPageTests.Browser

    static func browser(_ api: APIHarness, _ name: String) async throws -> Browser {
        let session = try await api.world.app.auth.signIn(username: name, password: TestWorld.password)
        return Browser(cookie: session.token, csrf: session.csrfToken)
    }

    @Test(arguments: TestEngine.available)
    func kanbanMoveForm_andCloseForm_workWithoutScript(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let deal = try await DealAPITests.deal(api, client, customer, "Cold room", as: "alice")
            let id = try #require(deal["id"] as? String)
            let alice = try await Self.browser(api, "alice")
            let (status, board) = try await alice.get(client, "/deals")
            #expect(status == .ok)
            #expect(board.contains(#"id="deal-\#(id)""#) && board.contains("Harbour Trading") && board.contains("¥1,000.00"))
            #expect(board.contains(#"id="drop-won""#) && board.contains("/static/deals-kanban.js?v="))
            // A rep's board opens on their own deals, with a link to every deal on their customers;
            // a manager's opens on every deal in sight.
            #expect(board.contains(#"<a href="/deals?owner=all" id="show-all">"#) && !board.contains(#"id="show-mine""#))
            let (_, everything) = try await alice.get(client, "/deals?owner=all")
            #expect(everything.contains(#"id="deal-\#(id)""#) && everything.contains(#"id="show-mine""#))
            let (_, managers) = try await Self.browser(api, "mia").get(client, "/deals")
            #expect(managers.contains(#"id="deal-\#(id)""#) && managers.contains(#"id="show-mine""#))

            let moved = try await alice.post(client, "/deals/\(id)/move",
                                             [("stageID", DealAPITests.proposal), ("version", "1"), ("back", "/deals")])
            #expect(moved.status == .seeOther && moved.headers[.location] == "/deals")
            let (_, after) = try await alice.get(client, "/deals?view=list&stage=\(DealAPITests.proposal)")
            #expect(after.contains(#"id="deal-\#(id)""#))
            let offsite = try await alice.post(client, "/deals/\(id)/move",
                                               [("stageID", DealAPITests.needs), ("version", "2"), ("back", "//evil.example")])
            #expect(offsite.headers[.location] == "/deals/\(id)")
            // The deal page's move select offers the stages, the deal's own selected (it was empty).
            let (_, open) = try await alice.get(client, "/deals/\(id)")
            #expect(open.contains(#"<option value="\#(DealAPITests.needs)" selected>"#))

            let (formStatus, form) = try await alice.get(client, "/deals/\(id)/close?outcome=lost")
            #expect(formStatus == .ok && form.contains(localizer.text("deal.close.lostReason", .en)))
            let blank = try await alice.post(client, "/deals/\(id)/close", [("outcome", "lost"), ("version", "3"), ("reason", "")])
            #expect(blank.status == .unprocessableContent)
            #expect(String(buffer: blank.body).contains(localizer.text("error.required", .en)))
            let lost = try await alice.post(client, "/deals/\(id)/close", [("outcome", "lost"), ("version", "3"), ("reason", "Budget cut")])
            #expect(lost.status == .seeOther)
            let (_, page) = try await alice.get(client, "/deals/\(id)")
            #expect(page.contains("Budget cut") && page.contains(#"id="reopen-deal""#))
            #expect(page.contains(#"<option value="\#(DealAPITests.proposal)""#))

            let carol = try await Self.browser(api, "carol")
            #expect(try await carol.get(client, "/deals/\(id)").0 == .notFound)
            #expect(try await carol.post(client, "/deals/\(id)/move", [("stageID", DealAPITests.needs), ("version", "4")]).status == .notFound)
            let (_, customerPage) = try await alice.get(client, "/customers/\(customer)/sales")
            #expect(customerPage.contains(#"id="deals""#) && customerPage.contains(localizer.text("deal.section.outcomes", .en, "0", "1")))
        }
    }

    @Test(arguments: TestEngine.available)
    func adminStagePage_refusesAStageInUse_andRepsAreForbidden(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let alice = try await Self.browser(api, "alice")
            #expect(try await alice.get(client, "/admin/pipeline").0 == .forbidden)
            let admin = try await Self.browser(api, "admin")
            let created = try await admin.post(client, "/admin/pipeline", [("nameZh", "样品试用"), ("nameEn", "Trial"), ("probability", "40")])
            #expect(created.status == .seeOther)
            let bad = try await admin.post(client, "/admin/pipeline", [("nameZh", "x"), ("nameEn", "x"), ("probability", "140")])
            #expect(bad.status == .unprocessableContent)
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            _ = try await DealAPITests.deal(api, client, customer, "Cold room", as: "alice")
            let inUse = try await admin.post(client, "/admin/pipeline/\(DealAPITests.firstContact)/delete", [])
            #expect(inUse.status == .conflict)
            #expect(String(buffer: inUse.body).contains(localizer.text("error.inUse", .en, "1")))
            let (status, html) = try await admin.get(client, "/admin/pipeline")
            #expect(status == .ok && html.contains("Trial") && html.contains(#"value="6""#))
        }
    }

    @Test(arguments: TestEngine.available)
    func teamTypes_countCustomersWithWonAndLostDeals(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let person = try await api.keyPerson(client, customer, "Wang Li", as: "alice")
            let contactID = try #require(ContactID(person))
            _ = try await api.world.app.personalities.update(api.world.alice, .contact(contactID), PersonalityDraft(temperament: "powerful"),
                                                          version: 0, language: .en)
            let mia = try await Self.browser(api, "mia")
            let (_, before) = try await mia.get(client, "/team/types")
            #expect(before.contains(localizer.text("teamTypes.noneWon", .en)))
            let id = try #require(try await DealAPITests.deal(api, client, customer, "Cold room", as: "alice")["id"] as? String)
            _ = try await api.call(client, .post, "/api/v1/deals/\(id)/win", as: "alice", json: ["reason": "Fit", "version": 1])
            let (status, after) = try await mia.get(client, "/team/types")
            #expect(status == .ok)
            #expect(!after.contains(localizer.text("teamTypes.noneWon", .en)))
            #expect(after.contains(localizer.text("teamTypes.noneLost", .en)))
            // The API gives the same counts; reps may not read them.
            let mix = try await api.call(client, .get, "/api/v1/team/deal-outcome-mix", as: "mia")
            #expect(mix.items.count == 1 && mix.items.first?["outcome"] as? String == "won")
            #expect(mix.items.first?["temperament"] as? String == "powerful" && mix.items.first?["count"] as? Int == 1)
            #expect(try await api.call(client, .get, "/api/v1/team/deal-outcome-mix", as: "alice").status == 403)
        }
    }

    /// A customer in the public pool has no owner: its people stay out of the per-owner counts
    /// (the page answered 500 when one had a temperament).
    @Test(arguments: TestEngine.available)
    func teamTypes_leaveOutPooledCustomers(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let person = try await api.keyPerson(client, customer, "Wang Li", as: "alice")
            let contactID = try #require(ContactID(person))
            _ = try await api.world.app.personalities.update(api.world.alice, .contact(contactID), PersonalityDraft(temperament: "powerful"),
                                                          version: 0, language: .en)
            let released = try await api.call(client, .post, "/api/v1/customers/\(customer)/release", as: "alice", json: ["reason": "seed"])
            #expect(released.status == 204 || released.status == 200)
            let admin = try await Self.browser(api, "admin")
            let (status, _) = try await admin.get(client, "/team/types")
            #expect(status == .ok)
            let mix = try await api.call(client, .get, "/api/v1/team/personality-mix", as: "admin")
            #expect(mix.status == 200 && mix.items.isEmpty)
        }
    }
}
