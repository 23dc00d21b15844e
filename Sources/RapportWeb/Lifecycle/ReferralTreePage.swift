import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// A customer's referral tree: `GET /customers/{id}/referrals` — who brought it (up to the first)
/// and, as a nested list, everyone it brought. Customers the reader may not see have no name or link.
struct ReferralTreePage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/referrals", use: env.page(.signedIn, show))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, try page.id())
        let tree = try await env.app.referrals.tree(acting, of: customer.id)
        let language = page.language
        func node(_ n: ReferralNode) -> ReferralTreeModel.Node {
            let children = n.referred.map(node)
            guard n.visible, let id = n.customerID else {
                return ReferralTreeModel.Node(id: nil, name: env.text("referral.hidden", language), stage: "", children: children)
            }
            return ReferralTreeModel.Node(id: id.description, name: n.name ?? "",
                                          stage: n.stage.map { LifecycleText.stage($0, env, language) } ?? "",
                                          children: children)
        }
        let model = ReferralTreeModel(customerID: customer.id.description, customerName: customer.name,
                                      above: tree.referredBy.map(node), root: node(tree.root))
        return try await env.render("referral_tree", page, title: "referral.treeTitle", model: model)
    }
}
