/// What `/winback` shows (`winback`): churned customers (filtered by a churn reason) with an
/// attempt form each, and the "what works" table of returns per reason and approach.
struct WinbackListModel: PageModel {
    /// One churned customer. The attempt form's `approaches` and `outcomes` are the page's.
    struct Row: PageModel {
        let customerID: String
        let name: String
        let url: String
        let owner: String
        let churnedOn: String
        /// The churn reasons, labelled and joined.
        let reasons: String
        let note: String
        /// How many attempts, as text.
        let attempts: String
        /// The last attempt's outcome, or empty.
        let lastOutcome: String
        let attemptAction: String
        let back: String

        func child(named key: String) -> Any? {
            switch key {
            case "customerID": customerID
            case "name": name
            case "url": url
            case "owner": owner
            case "churnedOn": churnedOn
            case "reasons": reasons
            case "note": note
            case "attempts": attempts
            case "lastOutcome": lastOutcome
            case "attemptAction": attemptAction
            case "back": back
            default: nil
            }
        }
    }

    /// One churn reason of the filter select.
    struct ReasonChoice: PageModel {
        let code: String
        let label: String
        let selected: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "code": code
            case "label": label
            case "selected": selected
            default: nil
            }
        }
    }

    /// One reason and approach of the "what works" table; numbers as text.
    struct Cell: PageModel {
        let reason: String
        let approach: String
        let attempts: String
        let returns: String
        /// "40%", or "–" without attempts.
        let rate: String

        func child(named name: String) -> Any? {
            switch name {
            case "reason": reason
            case "approach": approach
            case "attempts": attempts
            case "returns": returns
            case "rate": rate
            default: nil
            }
        }
    }

    let rows: [Row]
    let reasons: [ReasonChoice]
    /// Whether a reason is chosen.
    let filtered: Bool
    let approaches: [Choice]
    let outcomes: [Choice]
    let cells: [Cell]
    /// The next page, or empty.
    let nextURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "reasons": reasons
        case "filtered": filtered
        case "approaches": approaches
        case "outcomes": outcomes
        case "cells": cells
        case "hasCells": !cells.isEmpty
        case "nextURL": nextURL
        case "hasNext": !nextURL.isEmpty
        default: nil
        }
    }
}
