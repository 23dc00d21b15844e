import Foundation
import RapportApp
import RapportCore

/// The pool part of a customer's page (rendered by customer_section_pool.mustache): its pool,
/// owned since, the lock, release with a reason, and its pool history (claims, releases,
/// recycling) — the customer's timeline of who had it and why it went back.
struct PoolSection {
    let env: PageEnvironment

    /// A pool reason in words: a recycle rule's or a release reason's text, else the reason as typed.
    static func reasonText(_ raw: String, env: PageEnvironment, language: Language) -> String {
        env.hasText("pool.reason.\(raw)", language) ? env.text("pool.reason.\(raw)", language) : raw
    }

    /// The template keys, or nil when the part has nothing to show.
    func data(_ context: CustomerSectionContext) async throws -> [String: Any]? {
        let language = context.language
        let acting = context.acting
        async let membershipLoad = env.app.pools.membership(acting, of: context.customer.id)
        async let eventsLoad = env.app.pools.events(acting, of: context.customer.id)
        async let poolsLoad = env.app.pools.list(acting)
        let (membership, events, pools) = try await (membershipLoad, eventsLoad.items, poolsLoad)
        let clock = context.page.clock
        let people = context.people
        let owned = context.customer.ownerID != nil
        let mayAct = context.editable && owned && (context.customer.ownerID == acting.id || acting.isManager)
        func reason(_ raw: String) -> String { Self.reasonText(raw, env: env, language: language) }
        var data: [String: Any] = [
            "customerID": context.customer.id.description,
            "poolName": pools.first { $0.id == membership.poolID }?.name ?? "",
            "owned": owned,
            "locked": membership.isLocked,
            "mayAct": mayAct,
            "events": events.map { e in
                [
                    "kind": env.text("pool.event.\(e.kind.rawValue)", language),
                    "kindKey": e.kind.rawValue,
                    "at": clock.display(e.at),
                    "actor": e.actorID.map { people.name($0) } ?? env.text("pool.event.system", language),
                    "owner": people.name(e.ownerID ?? e.previousOwnerID),
                    "reason": reason(e.reason),
                ] as [String: Any]
            },
            "hasEvents": !events.isEmpty,
        ]
        if let since = membership.ownedSince, owned { data["ownedSince"] = clock.display(since) }
        if let lockedAt = membership.lockedAt {
            data["lockedLine"] = env.text("pool.section.lockedBy", language, [people.name(membership.lockedBy), clock.display(lockedAt)])
        }
        if let problem = context.page.query["poolProblem"] { data["problem"] = problem }
        return data
    }
}
