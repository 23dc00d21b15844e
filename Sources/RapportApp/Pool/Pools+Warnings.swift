import Foundation
import RapportCore
import RapportStore

extension Pools {
    /// The owner's customers that return to the pool within the warning days (or are already
    /// due), soonest first: the agenda's "returning to the pool" section. The hourly pass finds
    /// them and sends the warnings; this re-judges only the customers warned about lately, with
    /// today's facts, so a follow-up since the warning takes the customer off at once and a page
    /// view never re-runs the rules over the owner's whole book.
    public func warnings(_ acting: Acting, limit: Int = 20) async throws -> [RecycleItem] {
        let now = deps.env.now()
        let pools = try await deps.read(acting) { try await $0.catalog.pools() }
        var items: [RecycleItem] = []
        for pool in pools where pool.rules.recycles {
            // A warning goes out warnDays ahead of the due time and the pass runs hourly: a day's
            // margin covers a pass that ran late.
            let since = now.addingTimeInterval(-Double(pool.rules.warnDays + 1) * 86_400)
            let candidates = try await deps.read(acting) {
                try await $0.recycleWarnings(pool, now: now, owner: acting.id, warnedSince: since, limit: limit)
            }
            let (recycle, warn) = BackgroundWork.sort(candidates, rules: pool.rules, now: now)
            items += recycle.map { var item = $0; item.daysLeft = 0; return item } + warn
        }
        return Array(items.sorted { ($0.due ?? now, $0.customerName) < ($1.due ?? now, $1.customerName) }.prefix(limit))
    }
}
