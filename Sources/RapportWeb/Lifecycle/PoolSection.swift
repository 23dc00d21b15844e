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

    /// What the part shows; the partial reads it as `poolSection.<name>`.
    struct Model: PageModel {
        /// One claim, release, assignment, recycling or lock.
        struct Event: PageModel {
            let kind, kindKey, at, actor, owner, reason: String

            func child(named name: String) -> Any? {
                switch name {
                case "kind": kind
                case "kindKey": kindKey
                case "at": at
                case "actor": actor
                case "owner": owner
                case "reason": reason
                default: nil
                }
            }
        }

        let customerID: String
        let poolName: String
        let owned: Bool
        let locked: Bool
        /// Whether the reader may lock, unlock or release (the owner or a manager, not in the trash).
        let mayAct: Bool
        let events: [Event]
        let ownedSince: String?
        let lockedLine: String?
        /// A problem code from the last pool action (shown as given).
        let problem: String?

        func child(named name: String) -> Any? {
            switch name {
            case "customerID": customerID
            case "poolName": poolName
            case "owned": owned
            case "locked": locked
            case "mayAct": mayAct
            case "events": events
            case "hasEvents": !events.isEmpty
            case "ownedSince": ownedSince
            case "lockedLine": lockedLine
            case "problem": problem
            default: nil
            }
        }
    }

    func model(_ context: CustomerSectionContext) async throws -> Model? {
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
        return Model(
            customerID: context.customer.id.description,
            poolName: pools.first { $0.id == membership.poolID }?.name ?? "",
            owned: owned,
            locked: membership.isLocked,
            mayAct: mayAct,
            events: events.map { e in
                Model.Event(kind: env.text("pool.event.\(e.kind.rawValue)", language), kindKey: e.kind.rawValue,
                            at: clock.display(e.at),
                            actor: e.actorID.map { people.name($0) } ?? env.text("pool.event.system", language),
                            owner: people.name(e.ownerID ?? e.previousOwnerID), reason: reason(e.reason))
            },
            ownedSince: owned ? membership.ownedSince.map { clock.display($0) } : nil,
            lockedLine: membership.lockedAt.map {
                env.text("pool.section.lockedBy", language, [people.name(membership.lockedBy), clock.display($0)])
            },
            problem: context.page.query["poolProblem"])
    }
}
