import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Key persons: add to a customer, view, edit, delete (with undo) and restore.
struct ContactPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/contacts/new", use: env.page(.signedIn, new))
        router.post("customers/:id/contacts", use: env.page(.signedIn, create))
        router.get("contacts/:id", use: env.page(.signedIn, show))
        router.get("contacts/:id/edit", use: env.page(.signedIn, edit))
        router.post("contacts/:id", use: env.page(.signedIn, update))
        router.post("contacts/:id/delete", use: env.page(.signedIn, delete))
        router.post("contacts/:id/restore", use: env.page(.signedIn, restore))
    }


    @Sendable func new(_ page: PageRequest) async throws -> Response {
        let customerID: CustomerID = try page.id()
        var form = FormData()
        if let boss = page.query["reportsTo"].flatMap(ContactID.init) { form.set("reportsToID", boss.description) }
        return try await render(page, form: form, customerID: customerID, contactID: nil, outcome: EditOutcome())
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customerID: CustomerID = try page.id()
        do {
            let definitions = try await env.app.customFields.list(acting, object: .contact)
            let draft = try ContactForm.draft(from: page.form, definitions: definitions)
            let contact = try await env.app.contacts.create(acting, customerID: customerID, draft,
                                                          allowDuplicate: page.form.isChecked("allowDuplicate"))
            return PageEnvironment.redirect(CustomerTab.link(contact.customerID, "contacts"))
        } catch AppError.invalid(let problems) {
            let outcome = EditOutcome.invalid(problems, env: env, language: page.language)
            return try await render(page, form: page.form, customerID: customerID, contactID: nil, outcome: outcome)
        } catch AppError.duplicate(let matches) {
            return try await render(page, form: page.form, customerID: customerID, contactID: nil,
                                    outcome: EditOutcome(duplicates: matches, status: .conflict))
        }
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        try await show(page, id: try page.id(), personality: PersonalitySection.State())
    }

    /// The key person's page; `personality` carries a personality save that did not go through.
    func show(_ page: PageRequest, id: ContactID, personality state: PersonalitySection.State) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let contact = try await env.app.contacts.get(acting, id)
        async let customerLoad = env.app.customers.get(acting, contact.customerID)
        async let colleaguesLoad = env.app.contacts.list(acting, of: contact.customerID)
        async let directoryLoad = Directory.load(env.app, acting)
        async let fieldsLoad = env.app.customFields.list(acting, object: .contact)
        let (customer, colleagues, people, fields) = try await (customerLoad, colleaguesLoad, directoryLoad, fieldsLoad)
        func row(_ name: String, _ value: String, long: Bool = false) -> ContactPageModel.Fact {
            ContactPageModel.Fact(label: env.text("contact.field." + name, language), value: value, long: long)
        }
        let boss = colleagues.first { $0.id == contact.reportsToID }
        let reports = colleagues.filter { $0.reportsToID == contact.id }
        async let referralLoad = ContactReferralSection(env: env).model(page, acting, contact)
        var personality: PersonalitySection.Model?
        if contact.deletedAt == nil {
            let section = PersonalitySection(env: env)
            let (view, questionnaire) = try await section.load(acting, .contact(id), language: language)
            personality = section.model(view, questionnaire: questionnaire, action: "/contacts/\(id)/personality",
                                        people: people, clock: page.clock, language: language, state: state)
        }
        let model = ContactPageModel(
            contact: ContactPageModel.Header(
                id: contact.id.description, name: contact.name, title: contact.title, isCoach: contact.isCoach,
                isDeleted: contact.deletedAt != nil, customerID: customer.id.description, customerName: customer.name,
                boss: boss.map { RecordLink(id: $0.id.description, name: $0.name) }),
            reach: [row("department", contact.department), row("phone", contact.phone), row("fax", contact.fax),
                      row("email", contact.email), row("wechat", contact.wechat), row("qq", contact.qq)],
            relationship: [
                row("influence", env.label("influence", contact.influence, language)),
                row("involvement", contact.involvement.map { env.text("involvement.\($0)", language) } ?? ""),
                row("relationshipOwner", people.name(contact.relationshipOwnerID)),
                row("relationshipWithUs", contact.relationshipWithUs, long: true),
                row("relationshipWithCompetitors", contact.relationshipWithCompetitors, long: true),
                row("interests", contact.interests, long: true),
                row("supplierExpectations", contact.supplierExpectations, long: true),
                row("painPoints", contact.painPoints, long: true),
            ],
            reports: reports.map { ContactPageModel.Report(id: $0.id.description, name: $0.name, title: $0.title) },
            customFields: CustomFieldInputs.display(fields, contact.custom, language: language),
            referral: try await referralLoad,
            personality: personality)
        return try await env.render("contact", page, title: "contact.title", model: model, status: state.status)
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let contact = try await env.app.contacts.get(acting, try page.id())
        return try await render(page, form: ContactForm.values(of: contact), customerID: contact.customerID,
                                contactID: contact.id, outcome: EditOutcome())
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: ContactID = try page.id()
        let before = try await env.app.contacts.get(acting, id)
        let version = try page.formVersion()
        do {
            let definitions = try await env.app.customFields.list(acting, object: .contact)
            let draft = try ContactForm.draft(from: page.form, definitions: definitions)
            _ = try await env.app.contacts.update(acting, id, draft, version: version)
            return PageEnvironment.redirect("/contacts/\(id)")
        } catch AppError.invalid(let problems) {
            let outcome = EditOutcome.invalid(problems, env: env, language: page.language)
            return try await render(page, form: page.form, customerID: before.customerID, contactID: id, outcome: outcome)
        } catch AppError.conflict {
            let current = try await env.app.contacts.get(acting, id)
            return try await render(page, form: ContactForm.values(of: current), customerID: current.customerID,
                                    contactID: id, outcome: EditOutcome.stale)
        }
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let contact = try await env.app.contacts.delete(acting, try page.id())
        return PageEnvironment.redirect(CustomerTab.link(contact.customerID, "contacts",
                                                         query: [("undoContact", contact.id.description)]))
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let contact = try await env.app.contacts.restore(acting, try page.id())
        return PageEnvironment.redirect("/contacts/\(contact.id)")
    }

    private func render(_ page: PageRequest, form: FormData, customerID: CustomerID, contactID: ContactID?,
                        outcome: EditOutcome) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let customer = try await env.app.customers.get(acting, customerID)
        async let colleaguesLoad = env.app.contacts.list(acting, of: customerID)
        async let directoryLoad = Directory.load(env.app, acting)
        async let fieldsLoad = env.app.customFields.list(acting, object: .contact)
        let (colleagues, people, fields) = try await (colleaguesLoad, directoryLoad, fieldsLoad)
        let groups = ContactForm.groups(form: form, errors: outcome.errors, colleagues: colleagues.filter { $0.id != contactID },
                                        users: people.users, definitions: fields, env: env, language: language)
        let model = RecordFormModel(
            outcome: outcome.summary(shown: ContactForm.shownFields),
            isNew: contactID == nil,
            customer: RecordLink(id: customer.id.description, name: customer.name),
            action: contactID.map { "/contacts/\($0)" } ?? "/customers/\(customerID)/contacts",
            cancelURL: contactID.map { "/contacts/\($0)" } ?? "/customers/\(customerID)",
            version: form.text("version"),
            groups: groups,
            duplicates: outcome.duplicates.map { DuplicateNotice($0, env: env, language: language) })
        return try await env.render("contact_form", page, title: contactID == nil ? "contact.newTitle" : "contact.editTitle",
                                    model: model, status: outcome.status)
    }
}
