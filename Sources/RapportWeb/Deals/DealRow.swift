/// One deal as a row of a deal list (`deals_list`) or of a customer's deal section
/// (`customer_section_deal`): every name either template reads for a deal, with its texts in the
/// reader's language. Built by `DealView.card`.
struct DealRow: PageModel {
    let id: String
    let title: String
    let url: String
    let customerName: String
    let customerURL: String
    let amount: String
    /// The expected close date, or empty.
    let expectedClose: String
    let nextStep: String
    /// The owner's name; empty where the page does not show it.
    let owner: String
    /// The stage's name.
    let stage: String
    /// The state's raw value (for the badge's class).
    let stateKey: String
    /// The state in the reader's language.
    let state: String
    let isOpen: Bool
    let version: String
    /// Where forms about this deal return to.
    let back: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "url": url
        case "customerName": customerName
        case "customerURL": customerURL
        case "amount": amount
        case "expectedClose": expectedClose
        case "hasExpectedClose": !expectedClose.isEmpty
        case "nextStep": nextStep
        case "hasNextStep": !nextStep.isEmpty
        case "owner": owner
        case "stage": stage
        case "stateKey": stateKey
        case "state": state
        case "isOpen": isOpen
        case "version": version
        case "back": back
        case "winURL": "/deals/\(id)/close?outcome=won"
        case "loseURL": "/deals/\(id)/close?outcome=lost"
        default: nil
        }
    }
}
