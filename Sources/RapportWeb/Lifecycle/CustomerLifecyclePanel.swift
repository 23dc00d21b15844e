import Foundation
import RapportApp
import RapportCore

/// The lifecycle and acquisition parts of a customer's page (issue #4): the lifecycle stage and
/// why, qualification and referrals, pool ownership (lock, release), deals, orders and payment
/// collection, subscriptions. Each part is built by its own section type and rendered by its own
/// partial (`customer_section_<part>.mustache`); a section that returns nil is not shown.
struct CustomerLifecyclePanel {
    let env: PageEnvironment

    /// The sections (`customer_lifecycle.mustache`); one that is nil is not shown.
    struct Model: PageModel {
        let lifecycleSection: LifecycleSection.Model?
        let poolSection: PoolSection.Model?
        let dealSection: DealSection.Model?
        let orderSection: OrderSection.Model?
        let subscriptionSection: SubscriptionSectionModel?

        func child(named name: String) -> Any? {
            switch name {
            case "lifecycleSection": lifecycleSection
            case "poolSection": poolSection
            case "dealSection": dealSection
            case "orderSection": orderSection
            case "subscriptionSection": subscriptionSection
            default: nil
            }
        }
    }

    /// A section of the panel.
    enum Section: Sendable {
        case stage, pool, deals, orders, subscription
    }

    /// Loads the asked-for sections side by side; the others stay nil and are not loaded.
    func model(_ page: PageRequest, acting: Acting, customer: Customer, contacts: [Contact],
               people: Directory, sections: Set<Section>) async throws -> Model {
        let context = CustomerSectionContext(page: page, acting: acting, customer: customer, contacts: contacts,
                                             people: people)
        async let lifecycle = sections.contains(.stage) ? LifecycleSection(env: env).model(context) : nil
        async let pool = sections.contains(.pool) ? PoolSection(env: env).model(context) : nil
        async let deals = sections.contains(.deals) ? DealSection(env: env).model(context) : nil
        async let orders = sections.contains(.orders) ? OrderSection(env: env).model(context) : nil
        async let subscriptions = sections.contains(.subscription) ? SubscriptionSection(env: env).data(context) : nil
        return Model(lifecycleSection: try await lifecycle, poolSection: try await pool, dealSection: try await deals,
                     orderSection: try await orders, subscriptionSection: try await subscriptions)
    }
}

/// What every customer-page section gets: the request, the acting user, the customer (already
/// checked visible) and what the page has loaded anyway.
struct CustomerSectionContext: Sendable {
    let page: PageRequest
    let acting: Acting
    let customer: Customer
    let contacts: [Contact]
    let people: Directory
    var language: Language { page.language }
    var editable: Bool { customer.deletedAt == nil }
}
