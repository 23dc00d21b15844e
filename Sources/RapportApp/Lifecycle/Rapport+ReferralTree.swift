import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// How deep and how wide a referral tree is followed down.
    static let referralTreeDepth = 12
    static let referralTreeSize = 1000

    /// A customer's referral tree: who referred it up to the root, and everything it brought.
    /// Customers the user may not see appear without name or id ("another rep's customer").
    public func referralTree(_ acting: Acting, of customerID: CustomerID) async throws -> ReferralTree {
        _ = try await customer(acting, customerID)
        return try await store.read { session in
            let up = try await session.referrerChain(of: customerID)
            var children: [CustomerID: [CustomerID]] = [:]
            var seen: Set<CustomerID> = [customerID]
            seen.formUnion(up)
            var level = [customerID]
            var depth = 0
            var total = 0
            while !level.isEmpty, depth < Self.referralTreeDepth, total < Self.referralTreeSize {
                var next: [CustomerID] = []
                for (subject, referrer) in try await session.referredCustomers(by: level) where !seen.contains(subject) {
                    seen.insert(subject)
                    children[referrer, default: []].append(subject)
                    next.append(subject)
                    total += 1
                }
                level = next
                depth += 1
            }
            let info = try await session.referralNodeInfo(Array(seen))
            func node(_ id: CustomerID, withChildren: Bool) -> ReferralNode {
                let entry = info[id]
                let visible = entry.map { acting.scope.contains(owner: $0.ownerID, team: $0.teamID) } ?? false
                let referred = withChildren ? (children[id] ?? []).map { node($0, withChildren: true) } : []
                return ReferralNode(customerID: visible ? id : nil, name: visible ? entry?.name : nil, visible: visible,
                                    stage: visible ? entry?.stage : nil, referred: referred)
            }
            let made = children[customerID]?.count ?? 0
            return ReferralTree(referredBy: up.map { node($0, withChildren: false) },
                                root: node(customerID, withChildren: true), referralsMade: made)
        }
    }
}
