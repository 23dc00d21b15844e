import Foundation
import RapportApp
import RapportCore

/// The lifecycle part of a customer's page (rendered by customer_section_lifecycle.mustache): the
/// stage and why, its history, recorded facts, who referred the customer, and the qualification
/// checklist with the source's warnings.
struct LifecycleSection {
    let env: PageEnvironment

    /// The template keys, or nil when the part has nothing to show.
    func data(_ context: CustomerSectionContext) async throws -> [String: Any]? {
        let app = env.app
        let language = context.language
        let id = context.customer.id
        let view = try await app.lifecycles.get(context.acting, of: id)
        let current = view.lifecycle
        var data: [String: Any] = [
            "customerID": id.description,
            "editable": context.editable,
            "stage": current.stage.rawValue,
            "stageLabel": LifecycleText.stage(current.stage, env, language),
            "reasonText": LifecycleText.reason(current.reason, env, language),
            "treeURL": "/customers/\(id)/referrals",
            "factKindOptions": Choices.of(LifecycleFactKind.self, prefix: "lifecycle.factKind", selected: nil, env: env,
                                          language: language),
        ]
        if let since = current.since {
            data["sinceText"] = env.text("lifecycle.since", language, [context.page.clock.display(since)])
        }
        let history: [[String: Any]] = view.history.map { change in
            [
                "when": context.page.clock.display(change.at),
                "from": change.from.map { LifecycleText.stage($0, env, language) } ?? env.text("lifecycle.newCustomer", language),
                "to": LifecycleText.stage(change.to, env, language),
                "reason": LifecycleText.reason(change.reason, env, language),
            ]
        }
        data["history"] = history
        data["hasHistory"] = !history.isEmpty
        let facts: [[String: Any]] = view.facts.map { fact in
            var item: [String: Any] = [
                "id": fact.id.description,
                "kindLabel": env.text("lifecycle.factKind.\(fact.kind.rawValue)", language),
                "evidence": fact.evidence,
                "recorded": env.text("lifecycle.recordedOn", language, [context.page.clock.display(fact.recordedAt)]),
                "live": fact.revokedAt == nil,
            ]
            if let revoked = fact.revokedAt {
                item["revoked"] = env.text("lifecycle.revokedOn", language, [context.page.clock.display(revoked)])
            }
            return item
        }
        data["facts"] = facts
        data["hasFacts"] = !facts.isEmpty
        data["referral"] = try await referral(context)
        data["qualification"] = try await qualification(context)
        if let problem = context.page.query["lifecycleProblem"], LifecycleText.problems.contains(problem) {
            data["problem"] = env.text(problem, language)
        }
        return data
    }

    private func referral(_ context: CustomerSectionContext) async throws -> [String: Any] {
        guard let referral = try await env.app.referrals.get(context.acting, ofCustomer: context.customer.id) else {
            return ["has": false]
        }
        var data: [String: Any] = ["has": true, "note": referral.note]
        do {
            let referrer = try await env.app.customers.get(context.acting, referral.referrerCustomerID)
            data["name"] = referrer.name
            data["url"] = "/customers/\(referrer.id)"
        } catch AppError.notFound {
            data["name"] = env.text("referral.hidden", context.language)
        }
        return data
    }

    private func qualification(_ context: CustomerSectionContext) async throws -> [String: Any] {
        let language = context.language
        let q = try await env.app.qualifications.get(context.acting, of: context.customer.id)
        let checks: [(String, QualificationAnswer, String, String)] = [
            ("abilityToPay", q.abilityToPay, "abilityEvidence", q.abilityEvidence),
            ("authority", q.authority, "authorityEvidence", q.authorityEvidence),
            ("need", q.need, "needEvidence", q.needEvidence),
        ]
        let rows: [[String: Any]] = checks.map { name, answer, evidenceName, evidence in
            [
                "name": name, "label": env.text("qualification.\(name)", language),
                "options": Choices.of(QualificationAnswer.self, prefix: "qualification.answer", selected: answer.rawValue,
                                      env: env, language: language),
                "evidenceName": evidenceName, "evidence": evidence,
            ]
        }
        let warnings: [[String: Any]] = QualificationWarning.allCases.map { warning in
            [
                "value": warning.rawValue, "label": env.text("qualification.warning.\(warning.rawValue)", language),
                "checked": q.warnings.contains(warning),
            ]
        }
        let banners: [[String: Any]] = q.activeWarnings.map { warning in
            [
                "value": warning.rawValue,
                "label": env.text("qualification.warning.\(warning.rawValue)", language),
                "advice": env.text("qualification.advice.\(warning.rawValue)", language),
                "automatic": q.automaticWarnings.contains(warning) && !q.warnings.contains(warning),
            ]
        }
        return ["rows": rows, "warnings": warnings, "banners": banners, "hasBanners": !banners.isEmpty,
                "qualified": q.isQualified, "version": q.version]
    }
}
