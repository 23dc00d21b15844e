import Foundation
import RapportApp
import RapportCore

/// How subscriptions, churn reasons and win-back attempts read on the pages.
struct SubscriptionView {
    let env: PageEnvironment
    let language: Language
    let taxonomy: ChurnTaxonomy

    func row(_ s: Subscription, today: CalendarDate) -> [String: Any] {
        let left = s.daysLeft(today: today)
        return [
            "id": s.id.description,
            "period": "\(s.startsOn) – \(s.endsOn)",
            "price": MinorUnits.display(s.price, currency: s.currency),
            "state": s.state.rawValue,
            "stateLabel": env.text("subscription.state.\(s.state.rawValue)", language),
            "daysLeft": left >= 0 ? env.text("subscription.daysLeft", language, [String(left)]) : "",
            "soon": s.state == .active && left >= 0 && left <= SubscriptionRules.renewalNoticeDays,
            "reasons": reasons(s.churnReasons + s.renewalReasons),
            "note": s.state == .churned ? s.churnNote : s.renewalNote,
            "churnedOn": s.churnedOn?.description ?? "",
            "isRenewal": s.previousID != nil,
        ]
    }

    func reasons(_ codes: [String]) -> String {
        codes.map { taxonomy.label($0, language) ?? $0 }.joined(separator: "、")
    }

    func attempt(_ a: WinbackAttempt, people: Directory) -> [String: Any] {
        [
            "day": a.attemptedOn.description,
            "approach": env.text("winback.approach.\(a.approach.rawValue)", language),
            "outcome": env.text("winback.outcome.\(a.outcome.rawValue)", language),
            "returned": a.outcome == .returned,
            "note": a.note,
            "by": people.name(a.userID),
        ]
    }

    /// The churn reasons as checkbox groups: one group per top-level reason, leaves labelled with
    /// their middle group ("Product fit › Buyer side").
    func churnGroups() -> [[String: Any]] {
        taxonomy.churn.map { top in
            let leaves = taxonomy.churnLeaves.filter { $0.groups.first?.code == top.code || $0.node.code == top.code }
            return [
                "label": top.label(language),
                "reasons": leaves.map { leaf in
                    ["code": leaf.node.code,
                     "label": (leaf.groups.dropFirst().map { $0.label(language) } + [leaf.node.label(language)]).joined(separator: " › ")]
                },
            ]
        }
    }

    func renewalReasons() -> [[String: Any]] {
        taxonomy.renewalLeaves.map { ["code": $0.code, "label": $0.label(language)] }
    }

    func approaches() -> [[String: Any]] {
        WinbackApproach.allCases.map { ["value": $0.rawValue, "label": env.text("winback.approach.\($0.rawValue)", language)] }
    }

    func outcomes() -> [[String: Any]] {
        WinbackOutcome.allCases.map { ["value": $0.rawValue, "label": env.text("winback.outcome.\($0.rawValue)", language)] }
    }

    /// The message for a refused form, from the `field` it names.
    func error(_ field: String) -> String {
        let key = "subscription.error.\(field)"
        return env.hasText(key, language) ? env.text(key, language) : env.text("subscription.error.other", language)
    }
}
