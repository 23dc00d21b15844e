import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Promises to a customer: `GET /customers/{id}/commitments/new`, `POST /customers/{id}/commitments`,
/// `GET /commitments/{id}/edit` (`?state=done` asks for the evidence), `POST /commitments/{id}` (save),
/// `POST /commitments/{id}/state` (the quick actions on the customer page: broken, cancelled, reopen),
/// `POST /commitments/{id}/delete` (back to the customer with an undo banner) and `POST /commitments/{id}/restore`.
struct CommitmentPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/commitments/new", use: env.page(.signedIn, new))
        router.post("customers/:id/commitments", use: env.page(.signedIn, create))
        router.get("commitments/:id/edit", use: env.page(.signedIn, edit))
        router.post("commitments/:id", use: env.page(.signedIn, update))
        router.post("commitments/:id/state", use: env.page(.signedIn, setState))
        router.post("commitments/:id/delete", use: env.page(.signedIn, delete))
        router.post("commitments/:id/restore", use: env.page(.signedIn, restore))
    }

    @Sendable func new(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, try page.id())
        if customer.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        return try await render(page, customer: customer, promise: nil,
                                form: CommitmentForm.blank(today: env.app.today(for: acting.user)), outcome: EditOutcome())
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, try page.id())
        do {
            let draft = try CommitmentForm.draft(from: page.form, isNew: true, choosesOwner: acting.isManager)
            _ = try await env.app.commitments.create(acting, customerID: customer.id, draft)
            return PageEnvironment.redirect(CustomerTab.link(customer.id, "promises"))
        } catch AppError.invalid(let problems) {
            return try await render(page, customer: customer, promise: nil, form: page.form,
                                    outcome: .invalid(problems, env: env, language: page.language))
        }
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let promise = try await env.app.commitments.get(acting, try page.id())
        if promise.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let customer = try await env.app.customers.get(acting, promise.customerID)
        var form = CommitmentForm.values(of: promise)
        // The "done" quick action lands here: the state is preset and the evidence asked for.
        var askEvidence = false
        if let wanted = page.query["state"].flatMap(CommitmentState.init(rawValue:)),
           wanted == promise.state || promise.state.allowedNext.contains(wanted) {
            form.set("state", wanted.rawValue)
            askEvidence = wanted == .done
        }
        return try await render(page, customer: customer, promise: promise, form: form, outcome: EditOutcome(),
                                askEvidence: askEvidence)
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CommitmentID = try page.id()
        let before = try await env.app.commitments.get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let customer = try await env.app.customers.get(acting, before.customerID)
        let version = try page.formVersion()
        do {
            let draft = try CommitmentForm.draft(from: page.form, isNew: false, choosesOwner: acting.isManager)
            _ = try await env.app.commitments.update(acting, id, draft, version: version)
            return PageEnvironment.redirect(CustomerTab.link(before.customerID, "promises"))
        } catch AppError.invalid(let problems) {
            return try await render(page, customer: customer, promise: before, form: page.form,
                                    outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let current = try await env.app.commitments.get(acting, id)
            return try await render(page, customer: customer, promise: current, form: CommitmentForm.values(of: current),
                                    outcome: .stale)
        }
    }

    /// Marks a promise broken or cancelled (or reopens it) from the customer page. Anything the
    /// change needs beyond that (evidence for done) or a stale version shows the edit page.
    @Sendable func setState(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CommitmentID = try page.id()
        guard let state = page.form["state"].flatMap(CommitmentState.init(rawValue:)) else { throw PageError.badRequest }
        let before = try await env.app.commitments.get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let version = try page.formVersion()
        do {
            _ = try await env.app.commitments.update(acting, id, CommitmentDraft(state: state), version: version)
            return PageEnvironment.redirect(CustomerTab.link(before.customerID, "promises"))
        } catch AppError.invalid(let problems) {
            var form = CommitmentForm.values(of: before)
            form.set("state", state.rawValue)
            let customer = try await env.app.customers.get(acting, before.customerID)
            return try await render(page, customer: customer, promise: before, form: form,
                                    outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let current = try await env.app.commitments.get(acting, id)
            let customer = try await env.app.customers.get(acting, current.customerID)
            return try await render(page, customer: customer, promise: current, form: CommitmentForm.values(of: current),
                                    outcome: .stale)
        }
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let promise = try await env.app.commitments.delete(acting, try page.id())
        return PageEnvironment.redirect(CustomerTab.link(promise.customerID, "promises",
                                                         query: [("undoCommitment", promise.id.description)],
                                                         fragment: "undo-banner"))
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let promise = try await env.app.commitments.restore(acting, try page.id())
        return PageEnvironment.redirect(CustomerTab.link(promise.customerID, "promises"))
    }

    private func render(_ page: PageRequest, customer: Customer, promise: Commitment?, form: FormData, outcome: EditOutcome,
                        askEvidence: Bool = false) async throws -> Response {
        let acting = page.acting
        async let contactsLoad = env.app.contacts.list(acting, of: customer.id)
        async let directoryLoad = Directory.load(env.app, acting)
        let (contacts, people) = try await (contactsLoad, directoryLoad)
        // A rep sees only their own customers, so of the reps only the customer's owner can keep it.
        let owners = acting.isManager
            ? people.assignableOwners(acting).filter { $0.role != .rep || $0.id == customer.ownerID } : nil
        let model = CommitmentFormModel(
            customer: RecordLink(id: customer.id.description, name: customer.name),
            promise: promise.map { promise in
                let line = env.text("commitment.recordedLine", page.language,
                                    [people.name(promise.ownerID), page.clock.display(promise.createdAt), people.name(promise.createdBy)])
                return CommitmentFormModel.Promise(id: promise.id.description, line: line)
            },
            action: promise.map { "/commitments/\($0.id)" } ?? "/customers/\(customer.id)/commitments",
            version: form.text("version"),
            askEvidence: askEvidence,
            fields: CommitmentForm.fields(form: form, errors: outcome.errors, contacts: contacts, owners: owners,
                                          current: promise?.state, env: env, language: page.language),
            outcome: outcome.summary(shown: CommitmentForm.shownFields))
        return try await env.render("commitment_form", page, title: promise == nil ? "commitment.newTitle" : "commitment.editTitle",
                                    model: model, status: outcome.status)
    }
}
