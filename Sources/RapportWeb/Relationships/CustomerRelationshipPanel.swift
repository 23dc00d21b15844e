import Foundation
import RapportApp
import RapportCore

/// The relationship parts of a customer's page (issue #3), so that a rep sees them before a call
/// without leaving the page: open and broken promises, the expectation status, a guidance card per
/// key person (and for a person customer, its own), the situation, care dates, results and handovers.
struct CustomerRelationshipPanel {
    let env: PageEnvironment

    /// The inline forms of this part when a post failed and the page is shown again.
    struct Forms {
        var result: FormData?
        var resultErrors = FormErrors()
        var careDate: FormData?
        var careDateErrors = FormErrors()
    }

    /// The template keys; `contacts` are the customer's live key persons.
    func data(_ page: PageRequest, acting: Acting, customer: Customer, contacts: [Contact], people: Directory,
              forms: Forms) async throws -> [String: Any] {
        let id = customer.id
        let language = page.language
        async let promisesLoad = env.app.commitments.list(acting, of: id)
        async let situationLoad = env.app.situations.get(acting, of: id)
        async let personalitiesLoad = env.app.personalities.list(acting, of: id)
        async let bookLoad = env.app.personalities.guidanceBook(language)
        async let careLoad = env.app.careDates.list(acting, of: id)
        async let handoversLoad = env.app.handovers.list(acting, of: id)
        async let resultsLoad = env.app.situations.results(acting, of: id)
        let (promises, situation, personalities, book) = try await (promisesLoad, situationLoad, personalitiesLoad, bookLoad)
        let (careDates, handovers, results) = try await (careLoad, handoversLoad, resultsLoad)
        let today = env.app.today(for: acting.user)
        let editable = customer.deletedAt == nil
        let names = Dictionary(contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })

        let shown = promises.filter { $0.state == .open || $0.state == .broken }
        var data: [String: Any] = [
            "promises": shown.map { c in
                CommitmentRow(c, today: today, people: people, contactName: c.contactID.flatMap { names[$0] },
                                   env: env, language: language)
            },
            "hasPromises": !shown.isEmpty,
            "overdueCount": shown.filter { $0.isOverdue(today: today) }.count,
            "closedPromisesText": env.text("commitment.closedCount", language, [String(promises.count - shown.count)]),
            "hasClosedPromises": promises.count > shown.count,
            "allPromisesURL": FormData(pairs: [("scope", "all"), ("state", ""), ("customer", id.description)]).url("/commitments"),
            "expectation": ExpectationView.data(situation.expectation, businessType: situation.situation.businessType,
                                                env: env, language: language),
            "situation": situationData(situation.situation, language: language),
            "editable": editable,
        ]
        data["guidance"] = guidance(customer: customer, contacts: contacts, personalities: personalities, book: book,
                                    language: language)
        data["careDates"] = careDates.map { d -> [String: Any] in
            let text = CareDateText(env: env, language: language)
            let who = d.contactID.flatMap { names[$0] } ?? customer.name
            return ["id": d.id.description, "kind": env.label("careKind", d.date.kind, language), "title": d.date.title,
                    "hasTitle": !d.date.title.isEmpty, "who": who, "day": text.full(d.date),
                    "next": text.next(d.nextOn, today: today), "isLunar": d.date.calendar == .lunar,
                    "lead": env.text("careDate.leadText", language, [String(d.date.leadDays)])]
        }
        data["hasCareDates"] = !careDates.isEmpty
        data["careDateFields"] = CareDateForm.fields(form: forms.careDate ?? CareDateForm.blank(), errors: forms.careDateErrors,
                                                     contacts: contacts, env: env, language: language)
        data["careDateOtherErrors"] = forms.careDateErrors.others(shown: CareDateForm.shownFields)
        data["careDateFormOpen"] = forms.careDate != nil
        data["handovers"] = handovers.map { h -> [String: Any] in
            ["id": h.id.description, "when": page.clock.display(h.createdAt),
             "text": env.text("handover.line", language, [people.name(h.fromUserID).isEmpty ? "—" : people.name(h.fromUserID),
                                                          people.name(h.toUserID)]),
             "unread": h.readAt == nil]
        }
        data["hasHandovers"] = !handovers.isEmpty
        let recent = results.reversed().prefix(20)
        data["results"] = recent.map { r -> [String: Any] in
            ["id": r.id.description, "on": r.record.on.description, "measure": env.label("measure", r.record.measure, language),
             "value": MeasureFormat.display(r.record.value, r.record.measure), "note": r.note,
             "who": people.name(r.recordedBy)]
        }
        data["hasResults"] = !results.isEmpty
        let resultForm = forms.result ?? ResultForm.blank(today: today, measure: situation.expectation.measure)
        data["resultFields"] = ResultForm.fields(form: resultForm, errors: forms.resultErrors, env: env, language: language)
        data["resultOtherErrors"] = forms.resultErrors.others(shown: ResultForm.shownFields)
        return data
    }

    private func situationData(_ s: CustomerSituation, language: Language) -> [String: Any] {
        let reasons = s.joinReasons.map { env.label("joinReason", $0, language) }
        return [
            "reasons": reasons, "hasReasons": !reasons.isEmpty,
            "motivation": s.motivation.map { env.label("motivation", $0, language) } ?? "",
            "hasMotivation": s.motivation != nil,
            "motivationHint": s.motivation.map { env.text("motivationHint.\($0.rawValue)", language) } ?? "",
            "businessType": s.businessType.map { env.label("businessType", $0, language) } ?? "",
            "hasBusinessType": s.businessType != nil,
        ]
    }

    /// One entry per person the rep deals with: the customer itself when it is a person, then the key
    /// persons, those with guidance first. The first entry is open on the page.
    private func guidance(customer: Customer, contacts: [Contact], personalities: [StoredPersonality], book: GuidanceBook,
                          language: Language) -> [[String: Any]] {
        let bySubject = Dictionary(personalities.map { ($0.subjectID, $0.personality) }, uniquingKeysWith: { a, _ in a })
        func entry(name: String, title: String, subject: String, url: String, personalityURL: String) -> [String: Any] {
            let personality = bySubject[subject]
            let card = personality.map { GuidanceCard(book: book, personality: $0) }
            let sections = card.map { GuidanceCardView.sections($0, env: env, language: language) } ?? []
            let temperament = GuidanceCardView.temperamentLabel(personality, env: env, language: language)
            return ["name": name, "title": title, "hasTitle": !title.isEmpty, "url": url, "personalityURL": personalityURL,
                    "guidance": sections, "hasGuidance": !sections.isEmpty, "temperament": temperament,
                    "hasTemperament": !temperament.isEmpty, "subject": subject, "open": false]
        }
        var people: [[String: Any]] = []
        if customer.kind == .individual {
            people.append(entry(name: customer.name, title: "", subject: customer.id.description,
                                url: "/customers/\(customer.id)/personality",
                                personalityURL: "/customers/\(customer.id)/personality#personality"))
        }
        people += contacts.map { c in
            entry(name: c.name, title: c.title, subject: c.id.description, url: "/contacts/\(c.id)",
                  personalityURL: "/contacts/\(c.id)#personality")
        }
        // Stable: people with guidance first, in their original order.
        var ordered = people.filter { $0["hasGuidance"] as? Bool == true } + people.filter { $0["hasGuidance"] as? Bool != true }
        if !ordered.isEmpty { ordered[0]["open"] = true }
        return ordered
    }
}
