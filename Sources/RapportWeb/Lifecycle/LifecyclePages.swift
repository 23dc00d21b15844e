import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// The lifecycle forms on a customer's page (each goes back to `#lifecycle`, with a problem key
/// when refused): `POST /customers/{id}/lifecycle-facts`, `POST /customers/{id}/lifecycle-facts/{factId}/revoke`,
/// `POST /customers/{id}/referral` (save or clear), `POST /customers/{id}/qualification`.
struct LifecyclePages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.post("customers/:id/lifecycle-facts", use: env.page(.signedIn, recordFact))
        router.post("customers/:id/lifecycle-facts/:factId/revoke", use: env.page(.signedIn, revokeFact))
        router.post("customers/:id/referral", use: env.page(.signedIn, saveReferral))
        router.post("customers/:id/qualification", use: env.page(.signedIn, saveQualification))
        ReferralTreePage(env: env).register(on: router)
        ContactReferralSection(env: env).register(on: router)
        LifecycleReportPage(env: env).register(on: router)
    }

    private func back(_ id: CustomerID, problem: String? = nil) -> Response {
        guard let problem else { return PageEnvironment.redirect(CustomerTab.link(id, "lifecycle")) }
        return PageEnvironment.redirect(CustomerTab.link(id, "lifecycle", query: [("lifecycleProblem", problem)]))
    }

    @Sendable func recordFact(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        guard let kind = page.form["kind"].flatMap(LifecycleFactKind.init(rawValue:)) else { throw PageError.badRequest }
        do {
            _ = try await env.app.lifecycles.recordFact(acting, customerID: id, kind: kind, evidence: page.form["evidence"])
            return back(id)
        } catch AppError.invalid {
            return back(id, problem: "lifecycle.problem.evidence")
        }
    }

    @Sendable func revokeFact(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        _ = try await env.app.lifecycles.revokeFact(acting, customerID: id, try page.id("factId"))
        return back(id)
    }

    /// Saves the referrer typed by name (exact name first, else the only match) or clears it.
    @Sendable func saveReferral(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        // A customer the user may not see is not found, before the form is looked at.
        _ = try await env.app.customers.get(acting, id)
        if page.form["action"] == "clear" {
            try await env.app.referrals.clearForCustomer(acting, id)
            return back(id)
        }
        let referrer: CustomerID
        switch try await ReferrerLookup(env: env).customer(acting, typed: page.form.text("referrer"), excluding: id) {
        case .found(let found): referrer = found
        case .problem(let key): return back(id, problem: key)
        }
        do {
            _ = try await env.app.referrals.setForCustomer(acting, id, ReferralDraft(referrerCustomerID: referrer,
                                                                                note: page.form["note"]))
            return back(id)
        } catch AppError.invalid(let problems) {
            return back(id, problem: problems.contains { $0.code == .cycle } ? "referral.problem.cycle" : "referral.problem.unknown")
        }
    }

    @Sendable func saveQualification(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        let version = try page.formVersion()
        func answer(_ name: String) -> QualificationAnswer? { page.form[name].flatMap(QualificationAnswer.init(rawValue:)) }
        let draft = QualificationDraft(
            abilityToPay: answer("abilityToPay"), abilityEvidence: page.form["abilityEvidence"],
            authority: answer("authority"), authorityEvidence: page.form["authorityEvidence"],
            need: answer("need"), needEvidence: page.form["needEvidence"],
            warnings: page.form.all("warnings").compactMap(QualificationWarning.init(rawValue:)))
        do {
            _ = try await env.app.qualifications.update(acting, id, draft, version: version)
            return back(id)
        } catch AppError.invalid {
            return back(id, problem: "qualification.problem.evidence")
        } catch AppError.conflict {
            return back(id, problem: "qualification.problem.stale")
        }
    }
}
