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

    /// Which half of the panel a page shows; each loads only its own data.
    enum Part: Sendable {
        /// Handovers, promises and guidance per person (the customer's overview).
        case beforeCall
        /// Expectation and situation, results and care dates (the customer's service section).
        case service
    }

    /// The panel's model for one part; `contacts` are the customer's live key persons. What the
    /// other part shows is left empty and not loaded.
    func model(_ page: PageRequest, acting: Acting, customer: Customer, contacts: [Contact], people: Directory,
               part: Part, forms: Forms) async throws -> RelationshipPanelModel {
        let id = customer.id
        let language = page.language
        let beforeCall = part == .beforeCall
        async let promisesLoad = beforeCall ? env.app.commitments.list(acting, of: id) : []
        async let situationLoad = env.app.situations.get(acting, of: id)
        async let personalitiesLoad = beforeCall ? env.app.personalities.list(acting, of: id) : []
        async let bookLoad = env.app.personalities.guidanceBook(language)
        async let careLoad = beforeCall ? [] : env.app.careDates.list(acting, of: id)
        async let handoversLoad = beforeCall ? env.app.handovers.list(acting, of: id) : []
        async let resultsLoad = beforeCall ? [] : env.app.situations.results(acting, of: id)
        let (promises, situation, personalities, book) = try await (promisesLoad, situationLoad, personalitiesLoad, bookLoad)
        let (careDates, handovers, results) = try await (careLoad, handoversLoad, resultsLoad)
        let today = env.app.today(for: acting.user)
        let names = Dictionary(contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let shown = promises.filter { $0.state == .open || $0.state == .broken }
        let careText = CareDateText(env: env, language: language)
        let resultForm = forms.result ?? ResultForm.blank(today: today, measure: situation.expectation.measure)
        return RelationshipPanelModel(
            promises: shown.map { c in
                CommitmentRow(c, today: today, people: people, contactName: c.contactID.flatMap { names[$0] },
                              env: env, language: language)
            },
            overdueCount: shown.filter { $0.isOverdue(today: today) }.count,
            closedPromisesText: env.text("commitment.closedCount", language, [String(promises.count - shown.count)]),
            hasClosedPromises: promises.count > shown.count,
            allPromisesURL: FormData(pairs: [("scope", "all"), ("state", ""), ("customer", id.description)]).url("/commitments"),
            expectation: ExpectationView.model(situation.expectation, businessType: situation.situation.businessType,
                                               env: env, language: language),
            situation: situationModel(situation.situation, language: language),
            editable: customer.deletedAt == nil,
            guidance: beforeCall ? guidance(customer: customer, contacts: contacts, personalities: personalities,
                                            book: book, language: language) : [],
            careDates: careDates.map { d in
                RelationshipPanelModel.CareDate(
                    id: d.id.description, kind: env.label("careKind", d.date.kind, language), title: careText.extraTitle(d.date),
                    who: d.contactID.flatMap { names[$0] } ?? customer.name, day: careText.full(d.date),
                    next: careText.next(d.nextOn, today: today),
                    lead: env.text("careDate.leadText", language, [String(d.date.leadDays)]), isLunar: d.date.calendar == .lunar)
            },
            careDateFields: CareDateForm.fields(form: forms.careDate ?? CareDateForm.blank(), errors: forms.careDateErrors,
                                                contacts: contacts, env: env, language: language),
            careDateOtherErrors: forms.careDateErrors.others(shown: CareDateForm.shownFields),
            careDateFormOpen: forms.careDate != nil,
            handovers: handovers.map { h in
                let from = people.name(h.fromUserID)
                return RelationshipPanelModel.Handover(
                    id: h.id.description, when: page.clock.display(h.createdAt),
                    text: env.text("handover.line", language, [from.isEmpty ? "—" : from, people.name(h.toUserID)]),
                    unread: h.readAt == nil)
            },
            results: results.reversed().prefix(20).map { r in
                RelationshipPanelModel.Result(
                    id: r.id.description, on: r.record.on.description, measure: env.label("measure", r.record.measure, language),
                    value: MeasureFormat.display(r.record.value, r.record.measure), note: r.note, who: people.name(r.recordedBy))
            },
            resultFields: ResultForm.fields(form: resultForm, errors: forms.resultErrors, env: env, language: language),
            resultOtherErrors: forms.resultErrors.others(shown: ResultForm.shownFields))
    }

    private func situationModel(_ s: CustomerSituation, language: Language) -> RelationshipPanelModel.Situation {
        RelationshipPanelModel.Situation(
            reasons: s.joinReasons.map { env.label("joinReason", $0, language) },
            motivation: s.motivation.map { env.label("motivation", $0, language) },
            motivationHint: s.motivation.map { env.text("motivationHint.\($0.rawValue)", language) } ?? "",
            businessType: s.businessType.map { env.label("businessType", $0, language) })
    }

    /// One entry per person the rep deals with: the customer itself when it is a person, then the key
    /// persons, those with guidance first. The first entry is open on the page.
    private func guidance(customer: Customer, contacts: [Contact], personalities: [StoredPersonality], book: GuidanceBook,
                          language: Language) -> [RelationshipPanelModel.Person] {
        let bySubject = Dictionary(personalities.map { ($0.subjectID, $0.personality) }, uniquingKeysWith: { a, _ in a })
        func entry(name: String, title: String, subject: String, url: String, personalityURL: String) -> RelationshipPanelModel.Person {
            let personality = bySubject[subject]
            let card = personality.map { GuidanceCard(book: book, personality: $0) }
            let sections = card.map { GuidanceCardView.sections($0, env: env, language: language) } ?? []
            return RelationshipPanelModel.Person(
                name: name, title: title, subject: subject, url: url, personalityURL: personalityURL,
                guidance: sections,
                temperament: GuidanceCardView.temperamentLabel(personality, env: env, language: language))
        }
        var people: [RelationshipPanelModel.Person] = []
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
        var ordered = people.filter { !$0.guidance.isEmpty } + people.filter { $0.guidance.isEmpty }
        if !ordered.isEmpty { ordered[0].open = true }
        return ordered
    }
}
