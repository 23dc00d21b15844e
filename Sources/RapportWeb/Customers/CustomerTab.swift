import Foundation
import RapportCore

/// The parts of a customer's page. Each is its own URL under `/customers/{id}` and loads only
/// what it shows, so a rep's first view (the overview) stays short and fast however much the
/// customer has behind it.
///
/// Every form and redirect that points into the page names the anchor it returns to
/// (`#timeline`, `#care-dates`…); `link(_:_:query:)` finds the part that holds that anchor, so
/// the mapping lives here and nowhere else.
enum CustomerTab: String, CaseIterable, Sendable {
    /// What a rep needs before a call: the overview card, unread handovers, open promises and
    /// how to treat each person.
    case overview
    /// Key persons and the org chart.
    case people
    /// Activities (with the form to log one) and notes.
    case timeline
    /// Lifecycle stage, qualification and referrals, pool, deals and orders.
    case sales
    /// Expectation against results (with the situation that sets it), subscription and
    /// win-back, care dates.
    case service
    /// Contact facts, custom fields, the file's profile sections, merging a duplicate.
    case file

    /// The path of this part for a customer: `/customers/7` for the overview, else `/customers/7/<part>`.
    func path(_ id: CustomerID) -> String {
        self == .overview ? "/customers/\(id)" : "/customers/\(id)/\(rawValue)"
    }

    /// The route pattern the part is registered under.
    var route: String { self == .overview ? "customers/:id" : "customers/:id/\(rawValue)" }

    /// The part whose page holds an anchor (a section's `id`); unknown anchors land on the overview.
    static func holding(_ anchor: String) -> CustomerTab {
        switch anchor {
        case "contacts", "key-persons", "org-chart": .people
        case "timeline", "activities", "activity-form", "notes", "note-form": .timeline
        case "lifecycle", "qualification", "referral", "pool", "deals", "orders": .sales
        case "expectation", "situation", "results", "subscriptions", "winback", "care-dates": .service
        case "facts", "profile", "merge-duplicates": .file
        default: .overview
        }
    }

    /// A link to a section of a customer's page, with an optional query: the part that holds
    /// `anchor`, then `#anchor` (or `#fragment` when given, e.g. the undo banner above the section).
    static func link(_ id: CustomerID, _ anchor: String, query: [(name: String, value: String)] = [],
                     fragment: String? = nil) -> String {
        let path = holding(anchor).path(id)
        let base = query.isEmpty ? path : FormData(pairs: query).url(path)
        return base + "#" + (fragment ?? anchor)
    }

    /// The label key of the part's tab.
    var labelKey: String { "customer.tab." + rawValue }
}
