/// What the merge's first step shows (`merge_pick`, `/customers/{id}/merge` and
/// `/contacts/{id}/merge` without `with`): the records to merge into this one, and for customers
/// a search.
struct MergePickModel: PageModel {
    /// One record to choose, with the link to compare it.
    struct Row: PageModel {
        let name: String
        let url: String
        /// Why it is listed first ("likely the same"), or nil.
        let hint: String?

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "url": url
            case "hasHint": hint != nil
            case "hint": hint ?? ""
            default: nil
            }
        }
    }

    let survivorName: String
    let survivorURL: String
    /// Where the search goes (the merge page itself).
    let action: String
    /// The search text.
    let q: String
    let rows: [Row]
    let hasSearch: Bool
    let pickIntro: String
    let noCandidates: String

    func child(named name: String) -> Any? {
        switch name {
        case "survivorName": survivorName
        case "survivorURL": survivorURL
        case "action": action
        case "q": q
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "hasSearch": hasSearch
        case "pickIntro": pickIntro
        case "noCandidates": noCandidates
        default: nil
        }
    }
}
