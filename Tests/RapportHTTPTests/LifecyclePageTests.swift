import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportTestSupport
import RapportWeb
import Testing

/// The lifecycle pages with a browser session: the customer-page section, the forms, the
/// referral tree (other reps' customers without their names) and the report; 404 for a rep who
/// may not see the customer.
@Suite struct LifecyclePageTests {
    typealias Browser = CustomerFilePageTests.Browser

    @Test(arguments: TestEngine.available)
    func sectionFormsTreeAndReport_workForTheOwner_andOtherRepsGet404(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let world = api.world
            let source = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let newcomer = try #require(try await api.customer(client, "Newcomer Foods", as: "alice")["id"] as? String)
            let west = try #require(try await api.customer(client, "West Wind Ltd", as: "carol")["id"] as? String)
            let alice = try await Browser.signIn(world, "alice")
            let carol = try await Browser.signIn(world, "carol")

            let (status, page) = try await alice.get(client, "/customers/\(newcomer)/sales")
            #expect(status == .ok)
            #expect(page.contains("id=\"lifecycle\""))
            #expect(page.contains("Suspect"))
            #expect(page.contains("No orders, open deals or qualification yet"))

            // Referred by, typed by name.
            let (saved, _, location) = try await alice.post(client, "/customers/\(newcomer)/referral",
                                                            [("referrer", "Harbour Trading"), ("note", "met at a fair"), ("action", "save")])
            #expect(saved == .seeOther || saved == .found)
            #expect(location == "/customers/\(newcomer)/sales#lifecycle")
            let (_, after) = try await alice.get(client, "/customers/\(newcomer)/sales")
            #expect(after.contains("<a href=\"/customers/\(source)\">Harbour Trading</a>"))
            let (_, _, unknown) = try await alice.post(client, "/customers/\(newcomer)/referral",
                                                       [("referrer", "Nobody Like This"), ("action", "save")])
            #expect(unknown?.contains("lifecycleProblem=referral.problem.unknown") == true)
            // The admin links carol's customer under the newcomer: alice's tree shows it without its name.
            _ = try await world.app.referrals.setForCustomer(world.admin, try #require(CustomerID(west)),
                                                        ReferralDraft(referrerCustomerID: CustomerID(newcomer)))
            let (treeStatus, tree) = try await alice.get(client, "/customers/\(source)/referrals")
            #expect(treeStatus == .ok)
            #expect(tree.contains("Newcomer Foods"))
            #expect(tree.contains("Another rep&#39;s customer") || tree.contains("Another rep's customer"))
            #expect(!tree.contains("West Wind"))
            #expect(!tree.contains(west))
            // The hidden customer is plain text, not a link that picked up the customer above it.
            #expect(tree.contains(#"<span class="muted referral-hidden">"#))

            // A fact with evidence moves nothing without orders, but it is listed and can be revoked.
            let (_, _, noEvidence) = try await alice.post(client, "/customers/\(newcomer)/lifecycle-facts",
                                                          [("kind", "distributor"), ("evidence", "")])
            #expect(noEvidence?.contains("lifecycleProblem=lifecycle.problem.evidence") == true)
            _ = try await alice.post(client, "/customers/\(newcomer)/lifecycle-facts", [("kind", "distributor"), ("evidence", "Agreement 2026")])
            let (_, partner) = try await alice.get(client, "/customers/\(newcomer)/sales")
            #expect(partner.contains("Recorded as Distributor: Agreement 2026"))

            // Qualification: a warning ticked shows its advice.
            _ = try await alice.post(client, "/customers/\(newcomer)/qualification",
                                     [("version", "0"), ("abilityToPay", "unknown"), ("authority", "unknown"), ("need", "unknown"),
                                      ("warnings", "sentBySuperior")])
            let (_, warned) = try await alice.get(client, "/customers/\(newcomer)/sales")
            #expect(warned.contains("id=\"qualification-warning-sentBySuperior\""))
            #expect(warned.contains("a referral from above does not replace the checks"))

            let (reportStatus, report) = try await alice.get(client, "/lifecycle")
            #expect(reportStatus == .ok)
            #expect(report.contains("id=\"stage-count-partner\""))
            #expect(report.contains("<svg"))

            // Carol may not see alice's customers: 404 for the tree and every form.
            #expect(try await carol.get(client, "/customers/\(source)/referrals").0 == .notFound)
            #expect(try await carol.post(client, "/customers/\(source)/referral", [("referrer", "West Wind Ltd")]).0 == .notFound)
            #expect(try await carol.post(client, "/customers/\(source)/lifecycle-facts", [("kind", "agent"), ("evidence", "x")]).0 == .notFound)
            #expect(try await carol.post(client, "/customers/\(source)/qualification", [("version", "0"), ("need", "yes")]).0 == .notFound)
            let (_, carolReport) = try await carol.get(client, "/lifecycle")
            #expect(!carolReport.contains("Harbour"))
        }
    }
}
