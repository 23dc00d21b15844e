import Foundation
import RapportApp
import RapportCore

/// The deal part of a customer's page (rendered by customer_section_deal.mustache): open deals
/// with stage, amount and next step, how many were won and lost, and a "new deal" link.
struct DealSection {
    let env: PageEnvironment

    struct Model: PageModel {
        let openDeals: [DealRow]
        let outcomeLine: String
        let newDealURL: String
        let allDealsURL: String
        let canAdd: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "openDeals": openDeals
            case "hasOpenDeals": !openDeals.isEmpty
            case "outcomeLine": outcomeLine
            case "newDealURL": newDealURL
            case "allDealsURL": allDealsURL
            case "canAdd": canAdd
            default: nil
            }
        }
    }

    func model(_ context: CustomerSectionContext) async throws -> Model? {
        let language = context.language
        async let dealsLoad = env.app.deals.list(context.acting, of: context.customer.id)
        async let stagesLoad = env.app.dealStages.list(context.acting)
        let (deals, stages) = try await (dealsLoad, stagesLoad)
        let view = DealView(env: env, language: language, stages: stages)
        let open = deals.filter { $0.state == .open }
        let won = deals.filter { $0.state == .won }.count
        let lost = deals.filter { $0.state == .lost }.count
        return Model(
            openDeals: open.map {
                view.card($0, customerName: context.customer.name, people: context.people,
                          back: CustomerTab.link(context.customer.id, "deals"))
            },
            outcomeLine: env.text("deal.section.outcomes", language, [String(won), String(lost)]),
            newDealURL: "/deals/new?customer=\(context.customer.id)",
            allDealsURL: "/deals?view=list&customer=\(context.customer.id)",
            canAdd: context.editable)
    }
}
