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
            #expect(row.contains("021-5555 0101") && row.contains("Wang Boss") && !row.contains("Lena Low"))
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
