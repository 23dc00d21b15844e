import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Saving a person's temperament questionnaire and types: `POST /contacts/{id}/personality` (shown on
/// the key person's page) and, for a customer who is a person, `GET|POST /customers/{id}/personality`.
/// A stale version shows the latest values with the usual conflict message.
struct PersonalityPages: Sendable {
    let env: PageEnvironment
    let contacts: ContactPages

    func register(on router: RouterGroup<SessionContext>) {
        router.post("contacts/:id/personality", use: env.page(.signedIn, saveContact))
        router.get("customers/:id/personality", use: env.page(.signedIn, showCustomer))
        router.post("customers/:id/personality", use: env.page(.signedIn, saveCustomer))
    }

    @Sendable func saveContact(_ page: PageRequest) async throws -> Response {
        let id: ContactID = try page.id()
        return try await save(page, .contact(id), success: "/contacts/\(id)#personality") { state in
            try await contacts.show(page, id: id, personality: state)
        }
    }

    @Sendable func showCustomer(_ page: PageRequest) async throws -> Response {
        try await renderCustomer(page, id: try page.id(), state: PersonalitySection.State())
    }

    @Sendable func saveCustomer(_ page: PageRequest) async throws -> Response {
        let id: CustomerID = try page.id()
        return try await save(page, .customer(id), success: "/customers/\(id)/personality#personality") { state in
            try await renderCustomer(page, id: id, state: state)
        }
    }

    private func save(_ page: PageRequest, _ person: PersonRef, success: String,
                      rerender: (PersonalitySection.State) async throws -> Response) async throws -> Response {
        let acting = page.acting
        let version = try page.formVersion()
        let (current, questionnaire) = try await PersonalitySection(env: env).load(acting, person, language: page.language)
        let draft = PersonalitySection.draft(from: page.form, current: current.personality, questionnaire: questionnaire)
        do {
            _ = try await env.app.personalities.update(acting, person, draft, version: version, language: page.language)
            return PageEnvironment.redirect(success)
        } catch AppError.invalid(let problems) {
            return try await rerender(PersonalitySection.State(form: page.form, errors: FormErrors(problems, env: env, language: page.language),
                                                               status: .unprocessableContent))
        } catch AppError.conflict {
            return try await rerender(PersonalitySection.State(conflict: true, status: .conflict))
        }
    }

    private func renderCustomer(_ page: PageRequest, id: CustomerID, state: PersonalitySection.State) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, id)
        let section = PersonalitySection(env: env)
        async let directory = Directory.load(env.app, acting)
        let (view, questionnaire) = try await section.load(acting, .customer(id), language: page.language)
        let model = CustomerPersonalityModel(
            customer: RecordLink(id: customer.id.description, name: customer.name),
            personality: section.model(view, questionnaire: questionnaire, action: "/customers/\(id)/personality",
                                       people: try await directory, clock: page.clock, language: page.language, state: state))
        return try await env.render("customer_personality", page, title: "personality.pageTitle", model: model,
                                    status: state.status)
    }
}
