import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /customers/{id}`: the customer file with key persons, org chart, timeline and notes,
/// the forms to add an activity or a note, links to edit or delete them, and an undo banner; and
/// the relationship part (promises, expectation status, guidance cards, situation, care dates,
/// results, handovers) from `CustomerRelationshipPanel`.
struct CustomerFilePage: Sendable {
    let env: PageEnvironment
    static let timelinePageSize = 20

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id", use: env.page(.signedIn, show))
    }

    /// The state of the two inline forms when a post failed and the page is shown again.
    struct InlineForms {
        var activity: FormData?
        var activityErrors = FormErrors()
        var note: FormData?
        var noteErrors = FormErrors()
        /// The result and care-date forms of the relationship part.
        var relationships = CustomerRelationshipPanel.Forms()
        var status: HTTPResponse.Status = .ok
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        try await render(page, id: try page.id(), forms: InlineForms())
    }

    func render(_ page: PageRequest, id: CustomerID, forms: InlineForms) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let clock = page.clock
        let customer = try await env.app.customers.get(acting, id)
        let timelineCursor = page.query["tcursor"].flatMap(PageCursor.init(token:))
        async let directoryLoad = Directory.load(env.app, acting)
        async let contactsLoad = env.app.contacts.list(acting, of: id)
        async let timelineLoad = env.app.activities.list(acting, of: id, limit: Self.timelinePageSize, cursor: timelineCursor)
        async let notesLoad = env.app.notes.list(acting, of: id)
        async let fieldsLoad = env.app.customFields.list(acting)
        async let poolEventsLoad = env.app.pools.events(acting, of: id)
        let (people, contacts, timeline, notes, fields) = try await (directoryLoad, contactsLoad, timelineLoad, notesLoad, fieldsLoad)
        let poolEvents = try await poolEventsLoad.items
        let activityFields = fields.filter { $0.object == .activity }

        let customFields = CustomFieldInputs.display(fields.filter { $0.object == .customer }, customer.custom, language: language)
        let entries = timeline.items.map { activity in
            let contact = contacts.first { $0.id == activity.contactID }
            return (activity.occurredAt, CustomerTimeline.Entry(
                id: activity.id.description, domID: "activity-\(activity.id)", editable: customer.deletedAt == nil,
                channel: env.label("channel", activity.channel, language), purpose: activity.purpose,
                outcome: activity.outcome, who: people.name(activity.userID), when: clock.display(activity.occurredAt),
                contactName: contact?.name ?? "", contactURL: contact.map { "/contacts/\($0.id)" }))
        }
        let activityForm = forms.activity ?? ActivityForm.blank(clock: clock, now: env.app.env.now())
        async let relationshipsLoad = CustomerRelationshipPanel(env: env).model(page, acting: acting, customer: customer,
                                                                               contacts: contacts, people: people,
                                                                               forms: forms.relationships)
        async let lifecycleLoad = CustomerLifecyclePanel(env: env).model(page, acting: acting, customer: customer,
                                                                        contacts: contacts, people: people)
        async let undoLoad = UndoBanner(env: env).load(page, acting, customerID: id)
        async let factsLoad = env.app.customers.listFacts(acting, [id])
        let header = header(customer, people: people, clock: clock, language: language)
        let relationships = try await relationshipsLoad
        let lifecycle = try await lifecycleLoad
        let lastTouch = LastTouchText.text(try await factsLoad[id]?.lastTouch, env: env, clock: clock,
                                                       today: env.app.today(for: acting.user), language: language)
        let overviewPeople = relationships.guidance.filter { $0.subject != id.description }.prefix(4).map { person in
            CustomerOverview.Person(name: person.name, title: person.title, temperament: person.temperament, url: person.url)
        }
        let model = CustomerFileModel(
            customer: header,
            overview: CustomerOverview(header: header, people: overviewPeople, relationships: relationships,
                                       lifecycle: lifecycle, lastTouch: lastTouch),
            sections: CustomerProfile.sectionKeys.map { key in
                CustomerFileModel.ProfileSection(label: env.text("profile." + key, language), text: customer.profile[section: key])
            },
            customFields: customFields,
            contacts: contacts.map { keyPerson($0, language: language) },
            orgChart: OrgChart.roots(contacts),
            activities: CustomerTimeline(page: timeline, cursor: timelineCursor).entries(
                activities: entries, events: poolEvents, env: env, language: language, people: people, clock: clock),
            hasActivities: !timeline.items.isEmpty || !poolEvents.isEmpty,
            timelinePaged: timelineCursor != nil,
            timelineFirstURL: "/customers/\(id)#timeline",
            timelineNextURL: timeline.nextCursor.map { FormData(pairs: [("tcursor", $0)]).url("/customers/\(id)") + "#timeline" },
            notes: notes.map { note in
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
                                          value: forms.note?.text("body") ?? "", errors: forms.noteErrors, rows: 3),
            relationships: relationships,
            lifecycle: lifecycle,
            undo: try await undoLoad)
        return try await env.render("customer", page, title: "customer.fileTitle", model: model, status: forms.status)
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
