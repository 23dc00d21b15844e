import Foundation
import RapportApp
import RapportCore

/// The customer page's timeline: logged activities mixed with the customer's pool history
/// (entered, claimed, assigned, released, recycled, locked), newest first. Activities are
/// keyset-paged; a pool event is shown on the page whose time span holds it, so paging through
/// the timeline shows every event once.
struct CustomerTimeline {
    /// One line of the timeline: a logged activity or a pool event shaped like one.
    struct Entry: PageModel {
        /// The activity's id (empty for a pool event, which has no page of its own).
        var id = ""
        let domID: String
        var isPoolEvent = false
        /// Whether the edit and delete links show (activities of a customer not in the trash).
        let editable: Bool
        let channel: String
        let purpose: String
        let outcome: String
        let who: String
        let when: String
        var contactName = ""
        /// The key person's page, when the activity names one.
        var contactURL: String?

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "domID": domID
            case "isPoolEvent": isPoolEvent
            case "editable": editable
            case "channel": channel
            case "purpose": purpose
            case "outcome": outcome
            case "hasOutcome": !outcome.isEmpty
            case "who": who
            case "when": when
            case "contactName": contactName
            case "contactURL": contactURL ?? ""
            case "hasContact": contactURL != nil
            default: nil
            }
        }
    }

    /// Events at or after this instant belong to the page (nil: the last page holds everything older).
    var from: Date?
    /// Events before this instant belong to the page (nil: the first page holds everything newer).
    var before: Date?

    /// The span of one page of activities: from its oldest activity when more pages follow, up to
    /// where the previous page stopped (the cursor's time, epoch milliseconds).
    init(page: Page<Activity>, cursor: PageCursor?) {
        from = page.nextCursor == nil ? nil : page.items.last?.occurredAt
        before = cursor.flatMap { Int64($0.value) }.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    func holds(_ date: Date) -> Bool {
        (from.map { date >= $0 } ?? true) && (before.map { date < $0 } ?? true)
    }

    /// The page's entries in time order, newest first: `activities` (each with its time) merged
    /// with the pool events this page's span holds, shaped like activity rows for the template.
    func entries(activities: [(Date, Entry)], events: [PoolEvent], env: PageEnvironment,
                 language: Language, people: Directory, clock: UserClock) -> [Entry] {
        let pool = events.filter { holds($0.at) }.map { e -> (Date, Entry) in
            var details = [env.text("timeline.poolOwner", language, [people.name(e.ownerID ?? e.previousOwnerID)])]
            if !e.reason.isEmpty { details.append(PoolSection.reasonText(e.reason, env: env, language: language)) }
            return (e.at, Entry(domID: "pool-event-\(e.id)", isPoolEvent: true, editable: false,
                                channel: env.text("timeline.pool", language),
                                purpose: env.text("pool.event.\(e.kind.rawValue)", language),
                                outcome: details.joined(separator: " · "),
                                who: e.actorID.map { people.name($0) } ?? env.text("pool.event.system", language),
                                when: clock.display(e.at)))
        }
        // A stable merge: an activity and an event at the same instant keep activities first.
        return (activities + pool).enumerated()
            .sorted { ($0.element.0, -$0.offset) > ($1.element.0, -$1.offset) }
            .map(\.element.1)
    }
}
