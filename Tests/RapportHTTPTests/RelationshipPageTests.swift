import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportEdge
import RapportTestSupport
import RapportWeb
import Testing
import RapportApp

/// The agenda and notice pages through the real application, with a browser session: an overdue
/// promise escalated by the job reaches the owner's and the manager's notices, in their language,
/// and the manager's agenda.
@Suite struct RelationshipPageTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

    /// A signed-in browser: the session cookie and the form token.
    struct Browser {
        let cookie: String
        let csrf: String

        var headers: HTTPFields {
            var headers = HTTPFields()
            headers[.cookie] = "rapport_session=\(cookie)"
            headers[.acceptLanguage] = "en-US,en;q=0.9"
            return headers
        }

        func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            return (response.status, String(buffer: response.body))
        }

        func post(_ client: any TestClientProtocol, _ uri: String, _ form: [(String, String)]) async throws -> TestResponse {
            var headers = self.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = ([("_csrf", csrf)] + form).map { name, value in
                "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&")
            return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        }
    }

    @Test(arguments: TestEngine.available)
    func overduePromise_reachesOwnerAndManagerNotices_andTheManagersAgenda(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let customer = try await api.customer(client, "Harbour Trading", as: "alice")
            let customerID = try #require(customer["id"] as? String)
            let due = CalendarDate.today(in: Self.zone, at: api.world.clock.now()).adding(days: -3)
            let promise = try await api.call(client, .post, "/api/v1/customers/\(customerID)/commitments", as: "alice",
                                             json: ["title": "Send the price list", "dueOn": due.description])
            #expect(promise.status == 201, "\(promise.text)")
            #expect(try await api.world.app.background.escalateOverdueCommitments() == 1)

            let expected = localizer.text("notices.text.commitmentOverdue", .en, "Send the price list", "Harbour Trading",
                                          due.description, "Alice")
            for name in ["alice", "mia"] {
                let session = try await api.world.app.auth.signIn(username: name, password: TestWorld.password)
                let browser = Browser(cookie: session.token, csrf: session.csrfToken)
                let (status, html) = try await browser.get(client, "/notices")
                #expect(status == .ok)
                #expect(html.contains(expected), "\(name)")
                #expect(html.contains(#"id="notice-count""#), "\(name): the nav shows the unread count")
                // The typed page model: unread notices carry their mark-read form, the page its mark-all button
                // and the layout's CSRF token inside the rows.
                #expect(html.contains(#"id="mark-all-read""#) && html.contains(#"class="link mark-read""#), "\(name)")
                #expect(html.contains(#"data-kind="commitmentOverdue""#) && html.contains(session.csrfToken), "\(name)")

                let marked = try await browser.post(client, "/notices/read", [])
                #expect(marked.status == .seeOther)
                let (_, after) = try await browser.get(client, "/notices")
                #expect(after.contains(localizer.text("notices.unreadCount", .en, "0")))
                #expect(!after.contains(#"id="notice-count""#))
                #expect(!after.contains(#"id="mark-all-read""#))

                let (agendaStatus, agenda) = try await browser.get(client, "/agenda")
                #expect(agendaStatus == .ok)
                #expect(agenda.contains(name == "mia" ? #"id="agenda-teamOverdue""# : #"id="agenda-overdue""#), "\(name)")
                #expect(agenda.contains(localizer.text("agenda.daysLate", .en, "3", due.description)), "\(name)")
                // The top bar's count is this list's size (the page counts it once, for both).
                let listed = agenda.components(separatedBy: #"<li class="agenda-item"#).count - 1
                #expect(listed > 0 && agenda.contains(#"id="agenda-count">\#(listed)<"#), "\(name): \(listed) items listed")
            }

            // A rep's POST without the form token is refused; with it, another rep's agenda is still forbidden.
            let bob = try await api.world.app.auth.signIn(username: "bob", password: TestWorld.password)
            let forged = try await Browser(cookie: bob.token, csrf: "wrong").post(client, "/notices/read", [])
            #expect(forged.status == .forbidden)
            let (refused, _) = try await Browser(cookie: bob.token, csrf: bob.csrfToken)
                .get(client, "/agenda?user=\(api.world.alice.id)")
            #expect(refused == .forbidden)
        }
    }

    @Test(arguments: TestEngine.available)
    func composeCheck_highlightsThePhrase_andSavesNothing(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try await api.customer(client, "Harbour Trading", as: "alice")
            let customerID = try #require(customer["id"] as? String)
            let session = try await api.world.app.auth.signIn(username: "alice", password: TestWorld.password)
            let browser = Browser(cookie: session.token, csrf: session.csrfToken)
            let response = try await browser.post(client, "/customers/\(customerID)/compose", [
                ("action", "check"), ("channel", "email"), ("subject", "Renewal"),
                ("message", "As I already told you, the <price> stands."),
            ])
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains(#"<mark class="phrase">As I already told you</mark>, the &lt;price&gt; stands."#))
            let timeline = try await api.call(client, .get, "/api/v1/customers/\(customerID)/activities", as: "alice")
            #expect(timeline.items.isEmpty)

            let logged = try await browser.post(client, "/customers/\(customerID)/compose", [
                ("action", "log"), ("channel", "email"), ("subject", "Renewal"), ("message", "Thank you for your order."),
            ])
            #expect(logged.status == .seeOther)
            let after = try await api.call(client, .get, "/api/v1/customers/\(customerID)/activities", as: "alice")
            #expect(after.items.compactMap { $0["outcome"] as? String } == ["Thank you for your order."])
        }
    }
}
