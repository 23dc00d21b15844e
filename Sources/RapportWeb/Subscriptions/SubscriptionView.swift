import Foundation
import RapportApp
import RapportCore

/// How subscriptions, churn reasons and win-back attempts read on the pages.
struct SubscriptionView {
    let env: PageEnvironment
    let language: Language
    let taxonomy: ChurnTaxonomy

    func row(_ s: Subscription, today: CalendarDate) -> SubscriptionSectionModel.Term {
        let left = s.daysLeft(today: today)
        // A signed term that has not begun is "upcoming", with the days until it starts, not the
        // days left of a period that has not run yet.
        let upcoming = s.state == .active && s.startsOn > today
        let state = upcoming ? "upcoming" : s.state.rawValue
        return SubscriptionSectionModel.Term(
            id: s.id.description,
            period: "\(s.startsOn) – \(s.endsOn)",
            price: MinorUnits.display(s.price, currency: s.currency),
            state: state,
            stateLabel: env.text("subscription.state.\(state)", language),
            daysLeft: upcoming
                ? env.text("subscription.startsIn", language, [String(s.startsOn.dayNumber - today.dayNumber)])
                : left >= 0 ? env.text("subscription.daysLeft", language, [String(left)]) : "",
            soon: s.state == .active && left >= 0 && left <= SubscriptionRules.renewalNoticeDays,
            reasons: reasons(s.churnReasons + s.renewalReasons),
            note: s.state == .churned ? s.churnNote : s.renewalNote,
            churnedOn: s.churnedOn?.description ?? "",
            isRenewal: s.previousID != nil)
    }

    func reasons(_ codes: [String]) -> String {
        codes.map { taxonomy.label($0, language) ?? $0 }.joined(separator: "、")
    }

    func attempt(_ a: WinbackAttempt, people: Directory) -> SubscriptionSectionModel.Attempt {
        SubscriptionSectionModel.Attempt(
            day: a.attemptedOn.description,
            approach: env.text("winback.approach.\(a.approach.rawValue)", language),
            outcome: env.text("winback.outcome.\(a.outcome.rawValue)", language),
            returned: a.outcome == .returned,
            note: a.note,
            by: people.name(a.userID))
    }

    /// The churn reasons as checkbox groups: one group per top-level reason, leaves labelled with
    /// their middle group ("Product fit › Buyer side").
    func churnGroups() -> [SubscriptionSectionModel.ReasonGroup] {
        taxonomy.churn.map { top in
            let leaves = taxonomy.churnLeaves.filter { $0.groups.first?.code == top.code || $0.node.code == top.code }
            return SubscriptionSectionModel.ReasonGroup(
                label: top.label(language),
                reasons: leaves.map { leaf in
                    SubscriptionSectionModel.Reason(
                        code: leaf.node.code,
                        label: (leaf.groups.dropFirst().map { $0.label(language) } + [leaf.node.label(language)]).joined(separator: " › "))
                })
        }
    }

    func renewalReasons() -> [SubscriptionSectionModel.Reason] {
        taxonomy.renewalLeaves.map { SubscriptionSectionModel.Reason(code: $0.code, label: $0.label(language)) }
    }

    /// The approach select's options (none chosen).
    func approaches() -> [Choice] {
        Choices.list(WinbackApproach.allCases.map { ($0.rawValue, env.text("winback.approach.\($0.rawValue)", language)) }, selected: nil)
    }

    /// The outcome select's options (none chosen).
    func outcomes() -> [Choice] {
        Choices.list(WinbackOutcome.allCases.map { ($0.rawValue, env.text("winback.outcome.\($0.rawValue)", language)) }, selected: nil)
    }

    /// The message for a refused form, from the `field` it names.
    func error(_ field: String) -> String {
        let key = "subscription.error.\(field)"
        return env.hasText(key, language) ? env.text(key, language) : env.text("subscription.error.other", language)
    }
}
