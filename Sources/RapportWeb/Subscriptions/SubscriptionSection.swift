import Foundation
import RapportApp
import RapportCore

/// The subscription part of a customer's page (rendered by customer_section_subscription.mustache):
/// the current term with the days left, the history chain, renew and churn forms (churn reasons
/// grouped by the taxonomy), and win-back attempts.
struct SubscriptionSection {
    let env: PageEnvironment

    /// The section's model (every customer has one).
    func data(_ context: CustomerSectionContext) async throws -> SubscriptionSectionModel {
        let language = context.language
        let id = context.customer.id
        async let termsLoad = env.app.subscriptions.list(context.acting, of: id)
        async let attemptsLoad = env.app.winback.attempts(context.acting, of: id)
        async let taxonomyLoad = env.app.subscriptions.churnTaxonomy()
        let (terms, attempts, taxonomy) = try await (termsLoad, attemptsLoad, taxonomyLoad)
        let today = env.app.today(for: context.acting.user)
        let view = SubscriptionView(env: env, language: language, taxonomy: taxonomy)
        let current = terms.first { $0.state == .active || $0.state == .lapsed }
        return SubscriptionSectionModel(
            history: terms.map { view.row($0, today: today) },
            canEdit: context.editable,
            createAction: "/customers/\(id)/subscriptions",
            today: today.description,
            attempts: attempts.map { view.attempt($0, people: context.people) },
            canAttempt: context.editable && terms.contains { $0.state == .churned },
            attemptAction: "/customers/\(id)/winback-attempts",
            back: CustomerTab.link(id, "subscriptions"),
            approaches: view.approaches(), outcomes: view.outcomes(),
            error: context.page.query["subscriptionError"].map { view.error($0) },
            current: current.map { view.row($0, today: today) },
            renewAction: current.map { "/subscriptions/\($0.id)/renew" } ?? "",
            churnAction: current.map { "/subscriptions/\($0.id)/churn" } ?? "",
            version: current.map { String($0.version) } ?? "",
            churnGroups: current == nil ? [] : view.churnGroups(),
            renewalReasons: current == nil ? [] : view.renewalReasons())
    }
}
