import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportEdge
import RapportTestSupport
import RapportWeb
import Testing

/// The relationship parts of the customer file through the real application, with a browser
/// session: what the customer page shows before a call, the promise form's rules, the promise
/// list's paging, a person customer's personality page, and 404 for a rep who may not see them.
@Suite struct CustomerFilePageTests {
    /// A signed-in browser: the session cookie and the form token.
    struct Browser {
        let cookie: String
        let csrf: String

        static func signIn(_ world: TestWorld, _ username: String) async throws -> Browser {
            let session = try await world.app.auth.signIn(username: username, password: TestWorld.password)
            return Browser(cookie: session.token, csrf: session.csrfToken)
        }

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

        func post(_ client: any TestClientProtocol, _ uri: String,
                  _ form: [(String, String)]) async throws -> (HTTPResponse.Status, String, String?) {
            var headers = self.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = ([("_csrf", csrf)] + form).map { name, value in
                "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&")
            let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
            return (response.status, String(buffer: response.body), response.headers[.location])
        }
    }

    /// Text as the templates print it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test(arguments: TestEngine.available)
    func customerPage_showsPromisesExpectationAndGuidance_andOtherRepsGet404(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let world = api.world
            let customerID = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let contact = try await api.call(client, .post, "/api/v1/customers/\(customerID)/contacts", as: "alice",
                                             json: ["name": "Lena Fischer", "title": "Buyer"])
            let contactID = try #require(contact.string("id"))
            let typed = try await api.call(client, .put, "/api/v1/contacts/\(contactID)/personality", as: "alice",
                                           json: ["temperament": "powerful", "version": 0])
            #expect(typed.status == 200, "\(typed.text)")
            let due = world.app.today(for: world.alice.user).adding(days: -2)
            let promise = try await api.call(client, .post, "/api/v1/customers/\(customerID)/commitments", as: "alice",
                                             json: ["title": "Send the price list", "dueOn": due.description, "contactID": contactID])
            let promiseID = try #require(promise.string("id"))

            let alice = try await Browser.signIn(world, "alice")
            let (status, html) = try await alice.get(client, "/customers/\(customerID)")
            #expect(status == .ok)
            #expect(html.contains(#"<tr id="promise-\#(promiseID)" class="promise overdue">"#))
            #expect(html.contains(localizer.text("commitment.overdueBy", .en, due.description, "2")))
            let book = try await world.app.personalities.guidanceBook(.en)
            #expect(html.contains(Self.escaped(book.entry(for: .powerful).open)))
            #expect(html.contains(#"<details class="person-guidance" id="guidance-\#(contactID)" open>"#))
            // No business type yet: the "other" defaults (orders, bottom 1, satisfaction 3), nothing measured,
            // and a customer created today is too new to be judged (no red badge beside "too early"); the
            // overview shows the level, the service part the whole story.
            #expect(html.contains(#"id="overview-expectation""#) && !html.contains("level-belowBottom"))
            let (_, service) = try await alice.get(client, "/customers/\(customerID)/service")
            #expect(service.contains(Self.escaped(localizer.text("expectation.sentence.tooEarly", .en, "0", "orders", "1", "3"))))
            #expect(!service.contains("level-belowBottom"))
            #expect(service.contains(#"<svg class="expectation-bar""#))

            // Reps who may not see the customer get 404 on every page of its file.
            let bob = try await Browser.signIn(world, "bob")
            for uri in ["/customers/\(customerID)", "/contacts/\(contactID)", "/commitments/\(promiseID)/edit",
                        "/customers/\(customerID)/situation", "/customers/\(customerID)/commitments/new"] {
                let (refused, page) = try await bob.get(client, uri)
                #expect(refused == .notFound, "\(uri)")
                #expect(!page.contains("Harbour Trading"), "\(uri)")
            }
            let (posted, _, _) = try await bob.post(client, "/commitments/\(promiseID)/state", [("state", "broken"), ("version", "1")])
            #expect(posted == .notFound)
            let (_, list) = try await bob.get(client, "/commitments?scope=all&state=")
            #expect(!list.contains("Send the price list"))
        }
    }

    @Test(arguments: TestEngine.available)
    func promiseForm_needsEvidenceForDone_showsConflicts_andLetsManagersChooseTheOwner(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let world = api.world
            let customerID = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let alice = try await Browser.signIn(world, "alice")
            let due = world.app.today(for: world.alice.user).adding(days: 5).description
            let (created, _, location) = try await alice.post(client, "/customers/\(customerID)/commitments",
                                                              [("title", "Call back about the samples"), ("dueOn", due)])
            #expect(created == .seeOther)
            #expect(location == "/customers/\(customerID)#promises")
            let stored = try await world.app.commitments.list(world.alice, of: try #require(CustomerID(customerID)))
            let promise = try #require(stored.first)
            #expect(promise.ownerID == world.alice.id)

            let (_, editPage) = try await alice.get(client, "/commitments/\(promise.id)/edit?state=done")
            #expect(editPage.contains(#"id="evidence-request""#))
            #expect(editPage.contains(#"<option value="done" selected>"#))
            let fields = [("title", promise.title), ("dueOn", due), ("state", "done"), ("evidence", ""), ("version", "1")]
            let (invalid, invalidPage, _) = try await alice.post(client, "/commitments/\(promise.id)", fields)
            #expect(invalid == .unprocessableContent)
            #expect(invalidPage.contains(#"<p class="field-error" id="f-evidence-error">\#(localizer.text("error.required", .en))</p>"#))

            var kept = fields
            kept[3] = ("evidence", "Samples arrived; confirmed by phone")
            let (saved, _, _) = try await alice.post(client, "/commitments/\(promise.id)", kept)
            #expect(saved == .seeOther)
            let (stale, stalePage, _) = try await alice.post(client, "/commitments/\(promise.id)", kept)
            #expect(stale == .conflict)
            #expect(stalePage.contains(#"id="conflict-message""#))
            #expect(try await world.app.commitments.get(world.alice, promise.id).state == .done)

            // A manager chooses the owner among those who can see the customer; a rep's owner field is ignored.
            let mia = try await Browser.signIn(world, "mia")
            let (_, newPage) = try await mia.get(client, "/customers/\(customerID)/commitments/new")
            #expect(newPage.contains(#"name="ownerID""#))
            #expect(newPage.contains(#"<option value="\#(world.alice.id)""#) && !newPage.contains(#"<option value="\#(world.bob.id)""#))
            let (_, repPage) = try await alice.get(client, "/customers/\(customerID)/commitments/new")
            #expect(!repPage.contains(#"name="ownerID""#))
            _ = try await mia.post(client, "/customers/\(customerID)/commitments",
                                   [("title", "Visit the new shop"), ("dueOn", due), ("ownerID", world.mia.id.description)])
            _ = try await alice.post(client, "/customers/\(customerID)/commitments",
                                     [("title", "Send the catalogue"), ("dueOn", due), ("ownerID", world.bob.id.description)])
            let owners = try await world.app.commitments.list(world.mia, of: try #require(CustomerID(customerID)))
                .reduce(into: [String: UserID]()) { $0[$1.title] = $1.ownerID }
            #expect(owners["Visit the new shop"] == world.mia.id)
            #expect(owners["Send the catalogue"] == world.alice.id)
        }
    }

    @Test(arguments: TestEngine.available)
    func promiseList_pagesWithTheCursor_andFiltersOverdue(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let world = api.world
            let created = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let customerID = try #require(CustomerID(created))
            let today = world.app.today(for: world.alice.user)
            for index in 0..<52 {
                _ = try await world.app.commitments.create(world.alice, customerID: customerID,
                                                         CommitmentDraft(title: "Promise \(index)", dueOn: today.adding(days: index - 1)))
            }
            let alice = try await Browser.signIn(world, "alice")
            let (_, first) = try await alice.get(client, "/commitments")
            #expect(first.components(separatedBy: #"<tr id="commitment-"#).count - 1 == 50)
            let next = try #require(Self.nextURL(first))
            let (_, second) = try await alice.get(client, next)
            #expect(second.components(separatedBy: #"<tr id="commitment-"#).count - 1 == 2)
            #expect(second.contains(">Promise 51<") && !second.contains(">Promise 0<"))
            let (_, overdue) = try await alice.get(client, "/commitments?overdue=1")
            #expect(overdue.components(separatedBy: #"<tr id="commitment-"#).count - 1 == 1)
            #expect(overdue.contains(">Promise 0<"))
        }
    }

    @Test(arguments: TestEngine.available)
    func personCustomer_hasAPersonalityPage_andOrganisationsDoNot(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let world = api.world
            let person = try #require(try await api.customer(client, "Chen Jie", as: "alice", extra: ["kind": "individual"])["id"] as? String)
            let company = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let alice = try await Browser.signIn(world, "alice")
            let (shown, page) = try await alice.get(client, "/customers/\(person)/personality")
            #expect(shown == .ok)
            #expect(page.contains(#"id="personality-form""#))
            // Indirect (stays safe, keeps delaying) and feeling (relaxed, people first): peaceful.
            let (saved, _, _) = try await alice.post(client, "/customers/\(person)/personality", [
                ("version", "0"), ("answer.pace.risk", "staysSafe"), ("answer.pace.decisions", "keepsDelaying"),
                ("answer.focus.mood", "relaxed"), ("answer.focus.priority", "people"), ("temperament", ""),
                ("buyerType", ""), ("onlineType", "bargainer"),
            ])
            #expect(saved == .seeOther)
            let (_, after) = try await alice.get(client, "/customers/\(person)/personality")
            #expect(after.contains(localizer.text("personality.suggestion", .en, localizer.text("temperament.peaceful", .en))))
            #expect(after.contains(#"id="confirm-temperament""#))
            let (_, file) = try await alice.get(client, "/customers/\(person)")
            #expect(file.contains(#"id="guidance-\#(person)" open"#))
            #expect(file.contains(Self.escaped(try await world.app.personalities.guidanceBook(.en).entry(for: OnlineCustomerType.bargainer).open)))

            let (bad, badPage, _) = try await alice.post(client, "/customers/\(person)/personality",
                                                         [("version", "1"), ("answer.pace.risk", "nonsense")])
            #expect(bad == .unprocessableContent)
            #expect(badPage.contains(localizer.text("error.unknown", .en)))
            let (refused, _) = try await alice.get(client, "/customers/\(company)/personality")
            #expect(refused == .forbidden)
        }
    }

    @Test(arguments: TestEngine.available)
    func resultsCareDatesAndSituation_areSavedFromThePage(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let world = api.world
            let customerID = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            let alice = try await Browser.signIn(world, "alice")
            let today = world.app.today(for: world.alice.user)
            let url = "/customers/\(customerID)/results"

            let (bad, badPage, _) = try await alice.post(client, url, [("on", today.description), ("measure", "revenue"), ("value", "12.345")])
            #expect(bad == .unprocessableContent)
            #expect(badPage.contains(#"id="result-value-error">\#(localizer.text("error.invalid", .en))<"#))
            let future = today.adding(days: 5).description
            let (late, latePage, _) = try await alice.post(client, url, [("on", future), ("measure", "units"), ("value", "1")])
            #expect(late == .unprocessableContent)
            #expect(latePage.contains(#"id="result-on-error">\#(localizer.text("error.inFuture", .en))<"#))
            let (saved, _, _) = try await alice.post(client, url, [("on", today.description), ("measure", "revenue"), ("value", "1,234.5")])
            #expect(saved == .seeOther)
            let (_, page) = try await alice.get(client, "/customers/\(customerID)/service")
            #expect(page.contains(#"<td class="result-value">1234.50</td>"#))

            let id = try #require(CustomerID(customerID))
            let result = try #require(try await world.app.situations.results(world.alice, of: id).first)
            let (_, _, undoURL) = try await alice.post(client, "\(url)/\(result.id)/delete", [])
            let (_, undoPage) = try await alice.get(client, try #require(undoURL).replacingOccurrences(of: "#undo-banner", with: ""))
            #expect(undoPage.contains(localizer.text("result.deleted", .en)))
            #expect(undoPage.contains(#"action="\#(url)/\#(result.id)/restore""#))
            #expect(!undoPage.contains(#"id="result-list""#))
            _ = try await alice.post(client, "\(url)/\(result.id)/restore", [])
            #expect(try await world.app.situations.results(world.alice, of: id).count == 1)

            let (added, _, _) = try await alice.post(client, "/customers/\(customerID)/care-dates", [
                ("kind", "founding"), ("calendar", "solar"), ("month", "5"), ("day", "3"), ("year", "2008"), ("title", "Founded"),
            ])
            #expect(added == .seeOther)
            let (_, withDate) = try await alice.get(client, "/customers/\(customerID)/service")
            #expect(withDate.contains(#"<td class="care-day">May 3 (since 2008)</td>"#))
            #expect(withDate.contains(localizer.text("careDate.leadText", .en, "14")))

            let (stale, stalePage, _) = try await alice.post(client, "/customers/\(customerID)/situation", [
                ("version", "3"), ("rank1", "efficiency"), ("motivation", "follower"), ("businessType", "service"),
            ])
            #expect(stale == .conflict)
            #expect(stalePage.contains(#"id="conflict-message""#))
            let (fresh, _, _) = try await alice.post(client, "/customers/\(customerID)/situation", [
                ("version", "0"), ("rank1", "efficiency"), ("motivation", "follower"), ("businessType", "service"),
            ])
            #expect(fresh == .seeOther)
            let (_, situated) = try await alice.get(client, "/customers/\(customerID)/service")
            #expect(situated.contains(Self.escaped(localizer.text("expectation.fromDefaults", .en, localizer.text("businessType.service", .en)))))
        }
    }

    @Test func everyRelationshipValue_hasALabelInBothLanguages() throws {
        let localizer = try Localizer.bundled()
        func keys<E: CaseIterable & RawRepresentable<String>>(_ prefix: String, _: E.Type) -> [String] {
            E.allCases.map { "\(prefix).\($0.rawValue)" }
        }
        let all = keys("temperament", Temperament.self) + keys("buyerType", BuyerType.self)
            + keys("onlineType", OnlineCustomerType.self) + keys("joinReason", JoinReason.self)
            + keys("motivation", SigningMotivation.self) + keys("motivationHint", SigningMotivation.self)
            + keys("businessType", BusinessType.self) + keys("measure", ResultMeasure.self)
            + keys("careKind", CareDateKind.self) + keys("careCalendar", CareCalendar.self)
            + keys("commitmentState", CommitmentState.self) + keys("expectationLevel", ExpectationLevel.self)
            + keys("expectationSource", ExpectationSource.self) + keys("guidance.kind", GuidanceCard.Kind.self)
            + keys("expectation.sentence", ExpectationLevel.self)
            + (1...12).map { "lunar.month.\($0)" } + (1...30).map { "lunar.day.\($0)" } + (1...12).map { "monthName.\($0)" }
            + ["error.duplicate", "error.inFuture", "error.noAccess", "reason.commitmentOwner", "reason.notAPerson",
               "reason.notRecipient"]
        for language in Language.allCases {
            let table = localizer.table(language)
            #expect(all.filter { table[$0] == nil } == [], "\(language)")
        }
        #expect(localizer.text("lunar.month.8", .zhHans) + localizer.text("lunar.day.15", .zhHans) == "八月十五")
        #expect(localizer.text("lunar.month.12", .zhHans) + localizer.text("lunar.day.1", .zhHans) == "腊月初一")
    }

    /// The `href` of the pager's next link, unescaped.
    static func nextURL(_ html: String) -> String? {
        guard let marker = html.range(of: #"id="next-page""#) else { return nil }
        let before = html[..<marker.lowerBound]
        guard let start = before.range(of: #"href=""#, options: .backwards) else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension CustomerFilePageTests {
    /// A care date's title shows after its kind only when it adds something: "生日" on a birthday
    /// would read "生日: 生日" (and "Birthday: 生日" in English).
    @Test(arguments: TestEngine.available)
    func careDateTitle_repeatingTheKindIsNotShownTwice(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            for title in ["生日", "Silver wedding"] {
                let added = try await api.call(client, .post, "/api/v1/customers/\(customer)/care-dates", as: "alice",
                                                json: ["kind": "birthday", "calendar": "solar", "month": 5, "day": 3, "title": title])
                #expect(added.status == 201, "\(added.text)")
            }
            let alice = try await Browser.signIn(api.world, "alice")
            let (_, html) = try await alice.get(client, "/customers/\(customer)/service")
            #expect(!html.contains("Birthday: 生日") && !html.contains("生日: 生日"))
            #expect(html.contains("<td>Birthday</td>") && html.contains("<td>Birthday: Silver wedding</td>"))
        }
    }
}

extension CustomerFilePageTests {
    /// The card at the top says what a rep needs before a call.
    @Test(arguments: TestEngine.available)
    func overview_leadsWithPhonePeoplePromiseAndExpectation(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice",
                                                               extra: ["phone": "021-5555 0101"])["id"] as? String)
            let person = try await api.keyPerson(client, customer, "Lena Fischer", as: "alice")
            _ = try await api.call(client, .put, "/api/v1/contacts/\(person)/personality", as: "alice",
                                   json: ["temperament": "peaceful", "version": 0])
            for (title, days) in [("Send the price list", 5), ("Call about samples", 2)] {
                _ = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                       json: ["title": title, "dueOn": api.today(plus: days).description])
            }
            let alice = try await Browser.signIn(api.world, "alice")
            let (_, html) = try await alice.get(client, "/customers/\(customer)")
            let card = try #require(html.range(of: #"id="overview""#)).lowerBound
            let end = try #require(html.range(of: "</section>", range: card..<html.endIndex)).upperBound
            let overview = String(html[card..<end])
            #expect(overview.contains("021-5555 0101") && overview.contains("Lena Fischer"))
            #expect(overview.contains(localizer.text("temperament.peaceful", .en)))
            #expect(overview.contains("Call about samples") && !overview.contains("Send the price list"))
            #expect(overview.contains(localizer.text("expectationLevel.tooEarly", .en)))
            #expect(overview.contains(localizer.text("customers.never", .en)))
            #expect(overview.contains(localizer.text("overview.noDeal", .en)))
            // The card comes before the long sections.
            let promises = try #require(html.range(of: #"id="promises""#)).lowerBound
            #expect(card < promises)
        }
    }
}

extension CustomerFilePageTests {
    /// Each part of the customer page has its own URL, shows its own sections and not the others',
    /// and is refused like the overview to a rep who may not see the customer.
    @Test(arguments: TestEngine.available)
    func tabs_eachShowOnlyTheirOwnPart(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            _ = try await api.keyPerson(client, customer, "Lena Fischer", as: "alice")
            _ = try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                                   json: ["channel": "phone", "purpose": "Asked about the samples"])
            // The section ids each part shows; every other part's ids must be absent.
            let parts: [(path: String, ids: [String])] = [
                ("", ["overview", "promises", "guidance"]),
                ("/people", ["contacts", "key-persons", "org-chart"]),
                ("/timeline", ["timeline", "activity-form", "activities", "notes"]),
                ("/sales", ["lifecycle", "pool", "deals", "orders"]),
                ("/service", ["expectation", "situation", "results", "subscriptions", "care-dates"]),
                ("/file", ["facts", "profile", "merge-duplicates"]),
            ]
            let alice = try await Browser.signIn(api.world, "alice")
            let bob = try await Browser.signIn(api.world, "bob")
            for (path, ids) in parts {
                let (status, html) = try await alice.get(client, "/customers/\(customer)\(path)")
                #expect(status == .ok, "\(path)")
                #expect(html.contains(#"<h1 id="customer-name">Harbour Trading</h1>"#), "\(path)")
                let tab = path.isEmpty ? "overview" : String(path.dropFirst())
                #expect(html.contains(#"id="tab-\#(tab)" aria-current="page""#), "\(path)")
                for id in ids { #expect(html.contains(#"id="\#(id)""#), "\(path) shows #\(id)") }
                for (other, otherIDs) in parts where other != path {
                    for id in otherIDs { #expect(!html.contains(#"id="\#(id)""#), "\(path) must not show #\(id) of \(other)") }
                }
                let (refused, page) = try await bob.get(client, "/customers/\(customer)\(path)")
                #expect(refused == .notFound, "\(path)")
                #expect(!page.contains("Harbour Trading"), "\(path)")
            }
            // A failed post re-shows the part that holds its form.
            let (bad, badPage, _) = try await alice.post(client, "/customers/\(customer)/activities", [("channel", "nonsense")])
            #expect(bad == .unprocessableContent)
            #expect(badPage.contains(#"id="tab-timeline" aria-current="page""#) && badPage.contains(#"id="activity-form""#))
        }
    }
}

extension CustomerFilePageTests {
    /// The timeline part shows notes twenty at a time, newest first, with a link to older ones.
    @Test(arguments: TestEngine.available)
    func notes_arePaged_onTheTimelinePart(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Harbour Trading", as: "alice")["id"] as? String)
            for n in 1...25 {
                let note = try await api.call(client, .post, "/api/v1/customers/\(customer)/notes", as: "alice",
                                              json: ["body": "Note number \(n)."])
                #expect(note.status == 201)
            }
            let alice = try await Browser.signIn(api.world, "alice")
            let (_, first) = try await alice.get(client, "/customers/\(customer)/timeline")
            let shown = { (html: String) in html.components(separatedBy: #"<li id="note-"#).count - 1 }
            #expect(shown(first) == 20)
            let next = try #require(first.range(of: #"<a href="([^"]+)" id="notes-next">"#, options: .regularExpression))
            let href = String(first[next]).replacingOccurrences(of: #"<a href=""#, with: "")
                .replacingOccurrences(of: #"" id="notes-next">"#, with: "").replacingOccurrences(of: "&amp;", with: "&")
            #expect(href.hasPrefix("/customers/\(customer)/timeline?ncursor="))
            let (_, second) = try await alice.get(client, String(href.prefix { $0 != "#" }))
            #expect(shown(second) == 5)
            #expect(!second.contains(#"id="notes-next""#))
            // Together the two pages hold every note once.
            let bodies = (1...25).map { "Note number \($0)." }
            #expect(bodies.allSatisfy { first.contains($0) != second.contains($0) })
        }
    }
}
