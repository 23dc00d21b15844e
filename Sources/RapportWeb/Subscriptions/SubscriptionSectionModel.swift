/// The subscription part of a customer's page (`customer_section_subscription`, inside
/// `{{#subscriptionSection}}`): the current term, the history, the renew / churn / new-term forms,
/// and win-back attempts. Built by `SubscriptionSection`.
///
/// The renew and churn names (`renewAction`, `version`, …) are read only when there is a current
/// term; without one they answer empty values.
struct SubscriptionSectionModel: PageModel {
    /// One subscription term (the current one, or a row of the history).
    struct Term: PageModel {
        let id: String
        /// "2026-01-01 – 2026-12-31".
        let period: String
        let price: String
        /// The state's raw value (for the row's class).
        let state: String
        let stateLabel: String
        /// "12 days left", or empty once the term ended.
        let daysLeft: String
        /// Active and ending within the renewal notice.
        let soon: Bool
        /// The churn and renewal reasons, labelled and joined.
        let reasons: String
        let note: String
        /// The churn date, or empty.
        let churnedOn: String
        let isRenewal: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "period": period
            case "price": price
            case "state": state
            case "stateLabel": stateLabel
            case "daysLeft": daysLeft
            case "soon": soon
            case "reasons": reasons
            case "note": note
            case "churnedOn": churnedOn
            case "isRenewal": isRenewal
            default: nil
            }
        }
    }

    /// One win-back attempt.
    struct Attempt: PageModel {
        let day: String
        let approach: String
        let outcome: String
        let returned: Bool
        let note: String
        /// Who made it.
        let by: String

        func child(named name: String) -> Any? {
            switch name {
            case "day": day
            case "approach": approach
            case "outcome": outcome
            case "returned": returned
            case "note": note
            case "by": by
            default: nil
            }
        }
    }

    /// One reason's checkbox: its code and label.
    struct Reason: PageModel {
        let code: String
        let label: String

        func child(named name: String) -> Any? {
            switch name {
            case "code": code
            case "label": label
            default: nil
            }
        }
    }

    /// The churn reasons under one top-level reason.
    struct ReasonGroup: PageModel {
        let label: String
        let reasons: [Reason]

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "reasons": reasons
            default: nil
            }
        }
    }

    let history: [Term]
    let canEdit: Bool
    let createAction: String
    /// Today in the user's time zone (the date fields' default).
    let today: String
    let attempts: [Attempt]
    let canAttempt: Bool
    let attemptAction: String
    let back: String
    let approaches: [Choice]
    let outcomes: [Choice]
    /// The message for a refused form, or nil.
    let error: String?
    /// The active or lapsed term, if any.
    let current: Term?
    let renewAction: String
    let churnAction: String
    /// The current term's version, or empty.
    let version: String
    let churnGroups: [ReasonGroup]
    let renewalReasons: [Reason]

    func child(named name: String) -> Any? {
        switch name {
        case "history": history
        case "hasHistory": !history.isEmpty
        case "canEdit": canEdit
        case "createAction": createAction
        case "today": today
        case "attempts": attempts
        case "hasAttempts": !attempts.isEmpty
        case "canAttempt": canAttempt
        case "attemptAction": attemptAction
        case "back": back
        case "approaches": approaches
        case "outcomes": outcomes
        case "error": error ?? ""
        case "hasError": error != nil
        case "current": current
        case "hasCurrent": current != nil
        case "renewAction": renewAction
        case "churnAction": churnAction
        case "version": version
        case "churnGroups": churnGroups
        case "renewalReasons": renewalReasons
        default: nil
        }
    }
}
