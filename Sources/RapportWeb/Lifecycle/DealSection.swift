import Foundation
import RapportApp
import RapportCore

/// The deal part of a customer's page (rendered by customer_section_deal.mustache): open deals
/// with stage, amount and next step, how many were won and lost, and a "new deal" link.
struct DealSection {
    let env: PageEnvironment

    /// The template keys, or nil when the part has nothing to show.
    func data(_ context: CustomerSectionContext) async throws -> [String: Any]? {
        let language = context.language
        async let dealsLoad = env.app.deals.list(context.acting, of: context.customer.id)
        async let stagesLoad = env.app.dealStages.list(context.acting)
        let (deals, stages) = try await (dealsLoad, stagesLoad)
        let view = DealView(env: env, language: language, stages: stages)
        let open = deals.filter { $0.state == .open }
        let won = deals.filter { $0.state == .won }.count
        let lost = deals.filter { $0.state == .lost }.count
        return [
            "openDeals": open.map { view.card($0, customerName: context.customer.name, people: context.people,
                                              back: "/customers/\(context.customer.id)#deals") },
            "hasOpenDeals": !open.isEmpty,
            "outcomeLine": env.text("deal.section.outcomes", language, [String(won), String(lost)]),
            "newDealURL": "/deals/new?customer=\(context.customer.id)",
            "allDealsURL": "/deals?view=list&customer=\(context.customer.id)",
            "canAdd": context.editable,
        ]
    }
}
