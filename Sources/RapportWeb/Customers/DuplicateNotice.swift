import RapportCore

/// A customer that may already be the one being entered (`duplicates.mustache`): its name (a link
/// when the reader may see it), its owner and why it matched.
struct DuplicateNotice: PageModel {
    let name: String
    let owner: String?
    let visible: Bool
    let url: String
    let reasons: String

    init(_ match: DuplicateMatch, env: PageEnvironment, language: Language) {
        name = match.customerName
        owner = match.ownerName
        visible = match.visible
        url = match.customerID.map { "/customers/\($0)" } ?? ""
        reasons = match.reasons.map { env.text("duplicate.reason.\($0.rawValue)", language) }.joined(separator: ", ")
    }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "owner": owner ?? ""
        case "hasOwner": owner != nil
        case "visible": visible
        case "url": url
        case "reasons": reasons
        default: nil
        }
    }
}
