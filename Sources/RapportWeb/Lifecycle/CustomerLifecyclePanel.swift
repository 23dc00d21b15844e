import Foundation
import RapportApp
import RapportCore

/// The lifecycle and acquisition parts of a customer's page (issue #4): the lifecycle stage and
/// why, qualification and referrals, pool ownership (lock, release), deals, orders and payment
/// collection, subscriptions. Each part is built by its own section type and rendered by its own
/// partial (`customer_section_<part>.mustache`); a section that returns nil is not shown.
struct CustomerLifecyclePanel {
    let env: PageEnvironment

    /// The template keys, one per section that has something to show.
    func data(_ page: PageRequest, acting: Acting, customer: Customer, contacts: [Contact],
              people: Directory) async throws -> [String: Any] {
        let context = CustomerSectionContext(page: page, acting: acting, customer: customer, contacts: contacts,
                                             people: people)
        var data: [String: Any] = [:]
        data["lifecycleSection"] = try await LifecycleSection(env: env).data(context)
        data["poolSection"] = try await PoolSection(env: env).data(context)
        data["dealSection"] = try await DealSection(env: env).data(context)
        data["orderSection"] = try await OrderSection(env: env).data(context)
        data["subscriptionSection"] = try await SubscriptionSection(env: env).data(context)
        return data
    }
}

/// What every customer-page section gets: the request, the acting user, the customer (already
/// checked visible) and what the page has loaded anyway.
struct CustomerSectionContext {
    let page: PageRequest
    let acting: Acting
    let customer: Customer
    let contacts: [Contact]
    let people: Directory
    var language: Language { page.language }
    var editable: Bool { customer.deletedAt == nil }
}
