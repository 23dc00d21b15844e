import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportEdge
import RapportTestSupport
import Testing

/// The customer list a rep works from (issue 11): labelled filters and the columns that matter —
/// phone, main key person, stage, last touch, owner.
@Suite struct CustomerListPageTests {
    @Test(arguments: TestEngine.available)
    func list_showsPhoneMainKeyPersonStageAndLastTouch(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice",
                                                               extra: ["phone": "021-5555 0101"])["id"] as? String)
            _ = try await api.keyPerson(client, customer, "Lena Low", as: "alice")
            let boss = try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "alice",
                                          json: ["name": "Wang Boss", "influence": "high"])
            #expect(boss.status == 201)
            // Equal influence: the coach comes first; a deleted key person never counts.
            let coach = try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "alice",
                                           json: ["name": "Coach Chen", "influence": "high", "isCoach": true])
            #expect(coach.status == 201)
            let gone = try await api.call(client, .post, "/api/v1/customers/\(customer)/contacts", as: "alice",
                                          json: ["name": "Gone Gao", "influence": "high", "isCoach": true])
            let goneID = try #require(gone.json["id"] as? String)
            #expect(try await api.call(client, .delete, "/api/v1/contacts/\(goneID)", as: "alice").status == 200)
            let threeDaysAgo = api.today(plus: -3).description + "T08:00:00Z"
            let touched = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                                             json: ["channel": "phone", "purpose": "Follow-up", "occurredAt": threeDaysAgo])
            #expect(touched.status == 201)
            // A planned call next week is not a touch.
            let planned = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                                             json: ["channel": "visit", "purpose": "Visit", "occurredAt": api.today(plus: 7).description + "T08:00:00Z"])
            #expect(planned.status == 201)
            _ = try await api.customer(client, "Quiet Ltd", as: "alice")

            let alice = try await CustomerFilePageTests.Browser.signIn(api.world, "alice")
            let (status, html) = try await alice.get(client, "/customers?sort=name")
            #expect(status == .ok)
            let harbour = try #require(html.range(of: "Harbour Trading")).upperBound
            let row = String(html[harbour...].prefix(900))
            #expect(row.contains("021-5555 0101") && row.contains("Coach Chen") && !row.contains("Wang Boss")
                    && !row.contains("Lena Low") && !row.contains("Gone Gao"))
            #expect(row.contains(localizer.text("customers.touchedDaysAgo", .en, "3")))
            let quiet = try #require(html.range(of: "Quiet Ltd")).upperBound
            #expect(String(html[quiet...].prefix(900)).contains(localizer.text("customers.never", .en)))
            // Every filter sits in a label whose text is shown.
            for (id, key) in [("filter-kind", "customer.field.kind"), ("filter-status", "customer.field.status"),
                              ("filter-stage", "lifecycle.stageLabel"), ("filter-sort", "customers.sortLabel")] {
                let label = try #require(html.range(of: #"<label class="filter"><span>\#(localizer.text(key, .en))</span>"#))
                let control = try #require(html.range(of: #"id="\#(id)""#))
                #expect(label.upperBound < control.lowerBound && html.distance(from: label.upperBound, to: control.lowerBound) < 120, "\(id)")
            }
        }
    }
}

extension CustomerListPageTests {
    /// A list with more than a thousand matches says "1,000+" and stops counting there.
    @Test func manyMatches_areCountedUpToTheCap() async throws {
        try await APIHarness.run(.sqlite) { api, client in
            let alice = api.world.alice
            let csv = "客户名称\n" + (0..<1_005).map { "批量客户\($0)" }.joined(separator: "\n")
            let report = try await api.world.app.transfers.importCustomers(alice, data: Data(csv.utf8), fileName: "many.csv",
                                                                            options: ImportOptions(allowDuplicates: true))
            #expect(report.imported == 1_005)
            let browser = try await CustomerFilePageTests.Browser.signIn(api.world, "alice")
            let (_, html) = try await browser.get(client, "/customers")
            #expect(html.contains(try Localizer.bundled().text("customers.countMore", .en, "1,000")))
            #expect(try await api.world.app.customers.count(alice, CustomerQuery(), cap: 1_000) == 1_001)
            #expect(try await api.world.app.customers.count(alice, CustomerQuery()) == 1_005)
        }
    }
}

extension CustomerListPageTests {
    /// The list sorts by last touch (kept on every activity write, never-contacted oldest) and by
    /// stage, pages through either order without repeats, and the column headings switch the order.
    @Test(arguments: TestEngine.available)
    func list_sortsByLastTouchAndStage_andPagesThroughEither(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            // Five customers touched 1…5 days ago (customer i last touched i days ago), one never.
            var ids: [String] = []
            for day in 1...5 {
                let id = try #require(try await api.customer(client, "Touch \(day)", as: "alice")["id"] as? String)
                ids.append(id)
                for back in [day + 10, day] {
                    let at = api.today(plus: -back).description + "T08:00:00Z"
                    let logged = try await api.call(client, .post, "/api/v1/customers/\(id)/activities", as: "alice",
                                                    json: ["channel": "phone", "purpose": "Call", "occurredAt": at])
                    #expect(logged.status == 201)
                }
            }
            _ = try await api.customer(client, "Touch never", as: "alice")
            // A buyer: the first order moves it to first purchase, past the suspects.
            let order = try await api.call(client, .post, "/api/v1/customers/\(ids[4])/orders", as: "alice", json: [
                "lines": [["description": "Sample", "quantity": 1, "unitPrice": 100] as [String: any Sendable]],
            ])
            #expect(order.status == 201)

            func names(_ sort: String) async throws -> [String] {
                var out: [String] = []
                var uri = "/api/v1/customers?q=Touch&limit=2&sort=\(sort)"
                while true {
                    let page = try await api.call(client, .get, uri, as: "alice")
                    #expect(page.status == 200, "\(page.text)")
                    out += page.items.compactMap { $0["name"] as? String }
                    guard let next = page.json["nextCursor"] as? String else { return out }
                    uri = "/api/v1/customers?q=Touch&limit=2&sort=\(sort)&cursor=\(next)"
                }
            }
            #expect(try await names("-lastTouch") == ["Touch 1", "Touch 2", "Touch 3", "Touch 4", "Touch 5", "Touch never"])
            #expect(try await names("lastTouch") == ["Touch never", "Touch 5", "Touch 4", "Touch 3", "Touch 2", "Touch 1"])
            #expect(try await names("-stage").first == "Touch 5")
            #expect(try await names("stage").last == "Touch 5")

            // Deleting the newest activity moves the customer back to its older touch.
            let timeline = try await api.call(client, .get, "/api/v1/customers/\(ids[0])/activities", as: "alice")
            let newest = try #require(timeline.items.first?["id"] as? String)
            #expect(try await api.call(client, .delete, "/api/v1/activities/\(newest)", as: "alice").status == 200)
            #expect(try await names("-lastTouch").prefix(2) == ["Touch 2", "Touch 3"])

            // The headings link to the list sorted by their column, the current one reversed.
            let alice = try await CustomerFilePageTests.Browser.signIn(api.world, "alice")
            let (_, html) = try await alice.get(client, "/customers?q=Touch&sort=-lastTouch")
            #expect(html.contains(#"<th aria-sort="descending"><a href="/customers?q=Touch&amp;sort=lastTouch""#))
            #expect(html.contains(#"<th aria-sort="none"><a href="/customers?q=Touch&amp;sort=stage""#))
            #expect(html.contains(#"<th aria-sort="none"><a href="/customers?q=Touch&amp;sort=name""#))
        }
    }
}

extension CustomerListPageTests {
    /// A rep saves the list's filters under a name, opens them again from the chip, replaces them
    /// by saving under the same name, and deletes them; a bad name is refused on the page; another
    /// rep can neither see nor delete the view.
    @Test(arguments: TestEngine.available)
    func savedViews_keepFiltersPerUser(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let alice = try await CustomerFilePageTests.Browser.signIn(api.world, "alice")
            let query = "q=Harbour&stage=suspect&sort=-lastTouch&cursor=abc"
            let (saved, _, location) = try await alice.post(client, "/customers/views", [("name", "  Suspects to call "), ("query", query)])
            #expect(saved == .seeOther)
            // Saved without the page position, and opened with the same filters.
            #expect(location == "/customers?q=Harbour&stage=suspect&sort=-lastTouch")
            let (_, list) = try await alice.get(client, try #require(location))
            #expect(list.contains(#"class="saved-view" aria-current="true">Suspects to call</a>"#))
            let views = try await api.call(client, .get, "/api/v1/views", as: "alice")
            #expect(views.items.count == 1 && views.items.first?["query"] as? String == "q=Harbour&stage=suspect&sort=-lastTouch")
            let id = try #require(views.items.first?["id"] as? String)

            // The same name replaces the view; an empty name is refused with the field's message.
            _ = try await alice.post(client, "/customers/views", [("name", "Suspects to call"), ("query", "stage=prospect")])
            let replaced = try await api.call(client, .get, "/api/v1/views", as: "alice")
            #expect(replaced.items.count == 1 && replaced.items.first?["query"] as? String == "stage=prospect")
            let (bad, badPage, _) = try await alice.post(client, "/customers/views", [("name", " "), ("query", "stage=suspect")])
            #expect(bad == .unprocessableContent)
            #expect(badPage.contains(#"id="f-name-error">\#(localizer.text("error.required", .en))<"#))

            // Bob sees none of it and cannot delete it, through the page or the API.
            let bob = try await CustomerFilePageTests.Browser.signIn(api.world, "bob")
            let (_, bobList) = try await bob.get(client, "/customers")
            #expect(!bobList.contains("Suspects to call"))
            #expect(try await bob.post(client, "/customers/views/\(id)/delete", []).0 == .notFound)
            #expect(try await api.call(client, .delete, "/api/v1/views/\(id)", as: "bob").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/views", as: "bob").items.isEmpty)

            let (deleted, _, _) = try await alice.post(client, "/customers/views/\(id)/delete", [])
            #expect(deleted == .seeOther)
            #expect(try await api.call(client, .get, "/api/v1/views", as: "alice").items.isEmpty)
        }
    }
}

extension CustomerListPageTests {
    /// Every value a template prints is HTML-escaped (Rapport's own escaper, `HTMLEscaping`): the five
    /// special characters become entities, everything else — Chinese, emoji — is printed as is.
    @Test(arguments: TestEngine.available)
    func values_areEscaped_onTheListAndTheCustomerPage(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let name = #"<b>"Tom" & 'Jerry'</b> 阿里 🍵"#
            let customer = try #require(try await api.customer(client, name, as: "alice")["id"] as? String)
            let alice = try await CustomerFilePageTests.Browser.signIn(api.world, "alice")
            let escaped = "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt; 阿里 🍵"
            for uri in ["/customers", "/customers/\(customer)"] {
                let (status, html) = try await alice.get(client, uri)
                #expect(status == .ok)
                #expect(html.contains(escaped), "\(uri)")
                #expect(!html.contains("<b>\"Tom\""), "\(uri)")
            }
        }
    }
}
