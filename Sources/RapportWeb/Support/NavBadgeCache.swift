import Foundation
import RapportCore

/// The top bar's counts per user for a few seconds, so clicking from page to page does not
/// recount the agenda each time. Anything the user changes — by a page form or through the API —
/// drops their entry (`NavBadgeRefreshMiddleware`), and the agenda and notices pages always count
/// afresh; changes made by other users, by the clock or in another server process show within
/// `lifetime`. One per server process, made by `buildApplication`.
public actor NavBadgeCache {
    private var entries: [UserID: (badges: NavBadges, until: Date)] = [:]
    /// When each user last changed something: counts begun before that are not kept.
    private var changed: [UserID: Date] = [:]
    let lifetime: TimeInterval
    /// Above this many users the expired entries are swept on the next store.
    private let sweepAbove = 2_000

    public init(lifetime: TimeInterval = 20) {
        self.lifetime = lifetime
    }

    func badges(for user: UserID, now: Date) -> NavBadges? {
        guard let entry = entries[user], entry.until > now else { return nil }
        return entry.badges
    }

    /// Keeps counts that began at `begun`, unless the user changed something since.
    func store(_ badges: NavBadges, for user: UserID, begun: Date) {
        if let last = changed[user], last >= begun { return }
        if entries.count > sweepAbove {
            entries = entries.filter { $0.value.until > begun }
            changed = changed.filter { begun.timeIntervalSince($0.value) < lifetime }
        }
        entries[user] = (badges, begun.addingTimeInterval(lifetime))
    }

    func forget(_ user: UserID, now: Date) {
        entries[user] = nil
        changed[user] = now
    }
}
