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
        func node(_ n: ReferralNode) -> [String: Any] {
            var item: [String: Any] = ["visible": n.visible, "hasChildren": !n.referred.isEmpty,
                                       "children": n.referred.map(node)]
            if n.visible, let id = n.customerID {
                item["id"] = id.description
                item["name"] = n.name ?? ""
                item["stage"] = n.stage.map { LifecycleText.stage($0, env, language) } ?? ""
            } else {
                item["name"] = env.text("referral.hidden", language)
            }
            return item
        }
        let data: [String: Any] = [
            "customerID": customer.id.description,
            "customerName": customer.name,
            "above": tree.referredBy.map(node),
            "hasAbove": !tree.referredBy.isEmpty,
            "root": [node(tree.root)],
            "hasBrought": !tree.root.referred.isEmpty,
        ]
        return try await env.render("referral_tree", page, title: "referral.treeTitle", data)
    }
}
