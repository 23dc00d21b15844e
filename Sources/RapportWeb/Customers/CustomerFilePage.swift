import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /customers/{id}` and its sections (`CustomerTab`): the overview (a card with what a rep
/// needs before a call, promises, expectation, situation, guidance per person), key persons and
/// the org chart, the timeline with notes, sales (stage, pool, deals, orders), subscription and
/// service (care dates, results, handovers) and the file. Each URL loads only its own part; the
/// header, the tab bar and the undo banner show on all of them.
struct CustomerFilePage: Sendable {
    let env: PageEnvironment
    static let timelinePageSize = 20
    static let notesPageSize = 20

    func register(on router: RouterGroup<SessionContext>) {
        for tab in CustomerTab.allCases {
            router.get(RouterPath(stringLiteral: tab.route), use: env.page(.signedIn) { page in
                try await render(page, id: try page.id(), tab: tab, forms: InlineForms())
            })
        }
    }

    /// The state of the inline forms when a post failed and the page is shown again.
    struct InlineForms {
        var activity: FormData?
        var activityErrors = FormErrors()
        var note: FormData?
        var noteErrors = FormErrors()
        /// The result and care-date forms of the service part.
        var relationships = CustomerRelationshipPanel.Forms()
        var status: HTTPResponse.Status = .ok
    }

    func render(_ page: PageRequest, id: CustomerID, tab: CustomerTab, forms: InlineForms) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let customer = try await env.app.customers.get(acting, id)
        async let directoryLoad = Directory.load(env.app, acting)
        async let contactsLoad = tab == .file || tab == .sales ? [] : env.app.contacts.list(acting, of: id)
        async let undoLoad = UndoBanner(env: env).load(page, acting, customerID: id)
        let (people, contacts) = try await (directoryLoad, contactsLoad)
        let header = header(customer, people: people, clock: page.clock, language: language)
        let parts = Parts(page: page, acting: acting, customer: customer, contacts: contacts, people: people)
        var overview: CustomerOverview?
        var relationships: RelationshipPanelModel?
        var service: RelationshipPanelModel?
        var lifecycle: CustomerLifecyclePanel.Model?
        var peoplePart: CustomerFileModel.PeoplePart?
        var timeline: CustomerFileModel.TimelinePart?
        var file: CustomerFileModel.FilePart?
        switch tab {
        case .overview:
            let before = try await overviewPart(parts, header: header)
            (overview, relationships) = (before.overview, before.relationships)
        case .people:
            peoplePart = CustomerFileModel.PeoplePart(contacts: contacts.map { keyPerson($0, language: language) },
                                                      orgChart: OrgChart.roots(contacts))
        case .timeline:
            timeline = try await timelinePart(parts, forms: forms)
        case .sales:
            lifecycle = try await CustomerLifecyclePanel(env: env).model(
                page, acting: acting, customer: customer, contacts: contacts, people: people,
                sections: [.stage, .pool, .deals, .orders])
        case .service:
            async let panel = CustomerRelationshipPanel(env: env).model(
                page, acting: acting, customer: customer, contacts: contacts, people: people, part: .service,
                forms: forms.relationships)
            async let subscription = CustomerLifecyclePanel(env: env).model(
                page, acting: acting, customer: customer, contacts: contacts, people: people, sections: [.subscription])
            (service, lifecycle) = try await (panel, subscription)
        case .file:
            file = try await filePart(parts)
        }
        let model = CustomerFileModel(
            customer: header,
            tabs: CustomerTab.allCases.map { other in
                CustomerFileModel.Tab(key: other.rawValue, label: env.text(other.labelKey, language),
                                      url: other.path(id), current: other == tab)
            },
            overview: overview, relationships: relationships, service: service, lifecycle: lifecycle,
            people: peoplePart, timeline: timeline, file: file, undo: try await undoLoad)
        let title = env.text("customer.tabTitle", language, [customer.name, env.text(tab.labelKey, language)])
        return try await env.render("customer", page, titleText: title, model: model, status: forms.status)
    }

    /// What every part's builder gets: the request, the acting user, the customer (already
    /// checked visible), its live key persons (empty for parts that do not show them) and the
    /// user directory.
    private struct Parts {
        let page: PageRequest
        let acting: Acting
        let customer: Customer
        let contacts: [Contact]
        let people: Directory
    }

    /// The overview: the card and the before-a-call half of the relationship panel; the stage,
    /// first open deal and subscription state for the card come from their sections' loaders.
    private func overviewPart(_ parts: Parts, header: CustomerFileModel.Header) async throws
        -> (overview: CustomerOverview, relationships: RelationshipPanelModel) {
        let (page, acting, customer) = (parts.page, parts.acting, parts.customer)
        async let relationshipsLoad = CustomerRelationshipPanel(env: env).model(
            page, acting: acting, customer: customer, contacts: parts.contacts, people: parts.people, part: .beforeCall,
            forms: CustomerRelationshipPanel.Forms())
        async let lifecycleLoad = CustomerLifecyclePanel(env: env).model(
            page, acting: acting, customer: customer, contacts: parts.contacts, people: parts.people,
            sections: [.stage, .deals, .subscription])
        async let factsLoad = env.app.customers.listFacts(acting, [customer.id])
        let relationships = try await relationshipsLoad
        let lastTouch = LastTouchText.text(try await factsLoad[customer.id]?.lastTouch, env: env, clock: page.clock,
                                           today: env.app.today(for: acting.user), language: page.language)
        let people = relationships.guidance.filter { $0.subject != customer.id.description }.prefix(4).map { person in
            CustomerOverview.Person(name: person.name, title: person.title, temperament: person.temperament, url: person.url)
        }
        let overview = CustomerOverview(header: header, people: Array(people), relationships: relationships,
                                        lifecycle: try await lifecycleLoad, lastTouch: lastTouch)
        return (overview, relationships)
    }

    /// The timeline: one page of activities and pool events, the notes and the two forms.
    private func timelinePart(_ parts: Parts, forms: InlineForms) async throws -> CustomerFileModel.TimelinePart {
        let (page, acting, customer, contacts, people) = (parts.page, parts.acting, parts.customer, parts.contacts, parts.people)
        let (id, language, clock) = (customer.id, page.language, page.clock)
        let cursor = page.query["tcursor"].flatMap(PageCursor.init(token:))
        async let timelineLoad = env.app.activities.list(acting, of: id, limit: Self.timelinePageSize, cursor: cursor)
        let notesCursor = page.query["ncursor"].flatMap(PageCursor.init(token:))
        async let notesLoad = env.app.notes.page(acting, of: id, limit: Self.notesPageSize, cursor: notesCursor)
        async let fieldsLoad = env.app.customFields.list(acting, object: .activity)
        async let poolEventsLoad = env.app.pools.events(acting, of: id)
        let (timeline, notes, activityFields) = try await (timelineLoad, notesLoad, fieldsLoad)
        let poolEvents = try await poolEventsLoad.items
        let entries = timeline.items.map { activity in
            let contact = contacts.first { $0.id == activity.contactID }
            return (activity.occurredAt, CustomerTimeline.Entry(
                id: activity.id.description, domID: "activity-\(activity.id)", editable: customer.deletedAt == nil,
                channel: env.label("channel", activity.channel, language), purpose: activity.purpose,
                outcome: activity.outcome, who: people.name(activity.userID), when: clock.display(activity.occurredAt),
                contactName: contact?.name ?? "", contactURL: contact.map { "/contacts/\($0.id)" }))
        }
        let activityForm = forms.activity ?? ActivityForm.blank(clock: clock, now: env.app.env.now())
        return CustomerFileModel.TimelinePart(
            activities: CustomerTimeline(page: timeline, cursor: cursor).entries(
                activities: entries, events: poolEvents, env: env, language: language, people: people, clock: clock),
            hasActivities: !timeline.items.isEmpty || !poolEvents.isEmpty,
            timelinePaged: cursor != nil,
            timelineFirstURL: CustomerTab.link(id, "timeline"),
            timelineNextURL: timeline.nextCursor.map { CustomerTab.link(id, "timeline", query: [("tcursor", $0)]) },
            notesPaged: notesCursor != nil,
            notesFirstURL: CustomerTab.link(id, "notes"),
            notesNextURL: notes.nextCursor.map { CustomerTab.link(id, "notes", query: [("ncursor", $0)]) },
            notes: notes.items.map { note in
                let rights = NoteRights(note, acting)
                return CustomerFileModel.Note(id: note.id.description, author: people.name(note.authorID),
                                              when: clock.display(note.createdAt), body: note.body,
                                              canEdit: customer.deletedAt == nil && rights.canEdit,
                                              canDelete: customer.deletedAt == nil && rights.canDelete)
            },
            activityFields: ActivityForm.fields(form: activityForm, errors: forms.activityErrors, contacts: contacts,
                                                definitions: activityFields, env: env, language: language),
            activityOtherErrors: forms.activityErrors.others(shown: ActivityForm.shownFields),
            noteField: FormField.textarea("body", env.text("note.field.body", language),
                                          value: forms.note?.text("body") ?? "", errors: forms.noteErrors, rows: 3))
    }

    /// The file: custom fields, the profile's sections and the likely duplicates to merge.
    private func filePart(_ parts: Parts) async throws -> CustomerFileModel.FilePart {
        let (acting, customer, language) = (parts.acting, parts.customer, parts.page.language)
        async let fieldsLoad = env.app.customFields.list(acting, object: .customer)
        async let duplicatesLoad = env.app.customers.duplicates(
            acting, name: customer.name, phone: customer.phone, email: customer.email,
            registrationNumber: customer.registrationNumber, excluding: customer.id)
        let (fields, duplicates) = try await (fieldsLoad, duplicatesLoad)
        return CustomerFileModel.FilePart(
            sections: CustomerProfile.sectionKeys.map { key in
                CustomerFileModel.ProfileSection(label: env.text("profile." + key, language), text: customer.profile[section: key])
            },
            customFields: CustomFieldInputs.display(fields, customer.custom, language: language),
            duplicates: duplicates.compactMap { match in
                match.customerID.map { other in
                    CustomerFileModel.FilePart.Duplicate(name: match.customerName,
                                                         url: "/customers/\(customer.id)/merge?with=\(other)")
                }
            },
            mergeURL: "/customers/\(customer.id)/merge")
    }

    private func header(_ c: Customer, people: Directory, clock: UserClock, language: Language) -> CustomerFileModel.Header {
        CustomerFileModel.Header(
            id: c.id.description, name: c.name, version: String(c.version),
            kind: env.label("kind", c.kind, language),
            size: env.label("size", c.size, language), hasSize: c.size != nil,
            status: env.label("status", c.status, language), statusKey: c.status.rawValue,
            ownerLine: env.text("customer.ownerLine", language, [people.name(c.ownerID)]),
            teamLine: env.text("customer.teamLine", language, [people.teamName(c.teamID)]), hasTeam: c.teamID != nil,
            tags: c.tags, industry: c.industry, region: c.region, source: c.source, phone: c.phone, email: c.email,
            website: c.website, address: c.address, registrationNumber: c.registrationNumber,
            created: clock.display(c.createdAt), updated: clock.display(c.updatedAt), isDeleted: c.deletedAt != nil)
    }

    private func keyPerson(_ k: Contact, language: Language) -> CustomerFileModel.KeyPerson {
        CustomerFileModel.KeyPerson(
            id: k.id.description, name: k.name, title: k.title, department: k.department, phone: k.phone,
            email: k.email, influence: env.label("influence", k.influence, language),
            involvement: k.involvement.map(String.init) ?? "", isCoach: k.isCoach)
    }
}
