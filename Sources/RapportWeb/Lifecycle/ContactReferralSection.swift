import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// "Referred by" on a key person's page: who brought this person (a customer, optionally one of
/// its key persons) and `POST /contacts/{id}/referral` to save or clear it; refusals come back as
/// `?referralProblem=` to `#referral`.
struct ContactReferralSection: Sendable {
    let env: PageEnvironment
    static let problems: Set<String> = [
        "referral.problem.unknown", "referral.problem.ambiguous", "referral.problem.cycle", "referral.problem.unknownPerson",
    ]

    func register(on router: RouterGroup<SessionContext>) {
        router.post("contacts/:id/referral", use: env.page(.signedIn, save))
    }

    /// The contact page's referral card. Names it does not know (`url`, `personName`, `note` when
    /// nothing was referred) are left to the page, as the template expects.
    struct Model: PageModel {
        let editable: Bool
        let contactID: String
        /// A refusal of the last save, translated.
        let problem: String?
        let has: Bool
        var note: String?
        var name: String?
        /// The referring customer's page; nil when the reader may not see it.
        var url: String?
        /// The referring key person, when one was named and is visible.
        var person: RecordLink?

        func child(named key: String) -> Any? {
            switch key {
            case "editable": editable
            case "contactID": contactID
            case "problem": problem
            case "has": has
            case "note": note
            case "name": name
            case "url": url
            case "personName": person?.name
            case "personURL": person.map { "/contacts/\($0.id)" }
            default: nil
            }
        }
    }

    func model(_ page: PageRequest, _ acting: Acting, _ contact: Contact) async throws -> Model {
        let problem = page.query["referralProblem"].flatMap { Self.problems.contains($0) ? env.text($0, page.language) : nil }
        var model = Model(editable: contact.deletedAt == nil, contactID: contact.id.description, problem: problem, has: false)
        guard let referral = try await env.app.referrals.get(acting, ofContact: contact.id) else { return model }
        model = Model(editable: model.editable, contactID: model.contactID, problem: problem, has: true, note: referral.note)
        do {
            let referrer = try await env.app.customers.get(acting, referral.referrerCustomerID)
            model.name = referrer.name
            model.url = "/customers/\(referrer.id)"
            if let personID = referral.referrerContactID {
                let person = try await env.app.contacts.get(acting, personID)
                model.person = RecordLink(id: person.id.description, name: person.name)
            }
        } catch AppError.notFound {
            model.name = env.text("referral.hidden", page.language)
            model.url = nil
        }
        return model
    }

    @Sendable func save(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: ContactID = try page.id()
        func back(_ problem: String? = nil) -> Response {
            let base = "/contacts/\(id)"
            guard let problem else { return PageEnvironment.redirect(base + "#referral") }
            return PageEnvironment.redirect(FormData(pairs: [("referralProblem", problem)]).url(base) + "#referral")
        }
        if page.form["action"] == "clear" {
            try await env.app.referrals.clearForContact(acting, id)
            return back()
        }
        let contact = try await env.app.contacts.get(acting, id)
        let referrer: CustomerID
        switch try await ReferrerLookup(env: env).customer(acting, typed: page.form.text("referrer"), excluding: nil) {
        case .found(let found): referrer = found
        case .problem(let key): return back(key)
        }
        var person: ContactID?
        let typedPerson = page.form.text("referrerPerson").trimmingCharacters(in: .whitespaces)
        if !typedPerson.isEmpty {
            let named = try await env.app.contacts.list(acting, of: referrer).filter { $0.deletedAt == nil && $0.name == typedPerson }
            guard named.count == 1, let found = named.first, found.id != contact.id else { return back("referral.problem.unknownPerson") }
            person = found.id
        }
        do {
            _ = try await env.app.referrals.setForContact(acting, id, ReferralDraft(referrerCustomerID: referrer, referrerContactID: person,
                                                                              note: page.form["note"]))
            return back()
        } catch AppError.invalid(let problems) {
            return back(problems.contains { $0.code == .cycle } ? "referral.problem.cycle" : "referral.problem.unknown")
        }
    }
}
