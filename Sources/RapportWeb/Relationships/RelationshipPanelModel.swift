import Foundation

/// The relationship parts of a customer's page (`customer_relationships_top` and `_bottom`):
/// promises, expectation, situation, guidance per person, care dates, results and handovers.
/// It does not answer `customer`: the partials read `customer.id` from the page.
struct RelationshipPanelModel: PageModel {
    /// The situation card: join reasons in rank order, signing motivation, business type.
    struct Situation: PageModel {
        let reasons: [String]
        let motivation: String?
        let motivationHint: String
        let businessType: String?

        func child(named name: String) -> Any? {
            switch name {
            case "reasons": reasons
            case "hasReasons": !reasons.isEmpty
            case "motivation": motivation ?? ""
            case "hasMotivation": motivation != nil
            case "motivationHint": motivationHint
            case "businessType": businessType ?? ""
            case "hasBusinessType": businessType != nil
            default: nil
            }
        }
    }

    /// One person's guidance card (the customer itself when it is a person, or a key person).
    struct Person: PageModel {
        let name: String
        let title: String
        let subject: String
        let url: String
        let personalityURL: String
        let guidance: [GuidanceCardView.Section]
        let temperament: String
        /// The first person is shown open.
        var open = false

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "title": title
            case "hasTitle": !title.isEmpty
            case "subject": subject
            case "url": url
            case "personalityURL": personalityURL
            case "guidance": guidance
            case "hasGuidance": !guidance.isEmpty
            case "temperament": temperament
            case "hasTemperament": !temperament.isEmpty
            case "open": open
            default: nil
            }
        }
    }

    /// A care date row; `editable` comes from the panel.
    struct CareDate: PageModel {
        let id, kind, title, who, day, next, lead: String
        let isLunar: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "kind": kind
            case "title": title
            case "hasTitle": !title.isEmpty
            case "who": who
            case "day": day
            case "next": next
            case "isLunar": isLunar
            case "lead": lead
            default: nil
            }
        }
    }

    struct Handover: PageModel {
        let id, when, text: String
        let unread: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "when": when
            case "text": text
            case "unread": unread
            default: nil
            }
        }
    }

    /// A recorded result; `editable` comes from the panel.
    struct Result: PageModel {
        let id, on, measure, value, note, who: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "on": on
            case "measure": measure
            case "value": value
            case "note": note
            case "who": who
            default: nil
            }
        }
    }

    let promises: [CommitmentRow]
    let overdueCount: Int
    let closedPromisesText: String
    let hasClosedPromises: Bool
    let allPromisesURL: String
    let expectation: ExpectationView.Model
    let situation: Situation
    /// Whether the customer is not in the trash (forms and row actions show).
    let editable: Bool
    let guidance: [Person]
    let careDates: [CareDate]
    let careDateFields: [FormField]
    let careDateOtherErrors: [String]
    let careDateFormOpen: Bool
    let handovers: [Handover]
    let results: [Result]
    let resultFields: [FormField]
    let resultOtherErrors: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "promises": promises
        case "hasPromises": !promises.isEmpty
        case "overdueCount": overdueCount
        case "closedPromisesText": closedPromisesText
        case "hasClosedPromises": hasClosedPromises
        case "allPromisesURL": allPromisesURL
        case "expectation": expectation
        case "situation": situation
        case "editable": editable
        case "guidance": guidance
        case "careDates": careDates
        case "hasCareDates": !careDates.isEmpty
        case "careDateFields": careDateFields
        case "careDateOtherErrors": careDateOtherErrors
        case "careDateFormOpen": careDateFormOpen
        case "handovers": handovers
        case "hasHandovers": !handovers.isEmpty
        case "results": results
        case "hasResults": !results.isEmpty
        case "resultFields": resultFields
        case "resultOtherErrors": resultOtherErrors
        default: nil
        }
    }
}
