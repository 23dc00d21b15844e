import RapportCore

/// The keyset pager under a list (`isPaged`, `firstURL`, `hasNext`, `nextURL`): a link back to the
/// first page once the reader has paged on, and a link to the next page while there is one.
struct Pager: PageModel {
    /// Whether the page shown is a later one.
    let isPaged: Bool
    let firstURL: String
    let nextURL: String?

    /// `kept` holds the list's filters; the next link adds `cursor=<next>` to them.
    init(path: String, kept: FormData, cursor: PageCursor?, next: String?) {
        isPaged = cursor != nil
        firstURL = kept.url(path)
        nextURL = next.map { token in
            var query = kept
            query.set("cursor", token)
            return query.url(path)
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "isPaged": isPaged
        case "firstURL": firstURL
        case "hasNext": nextURL != nil
        case "nextURL": nextURL
        default: nil
        }
    }
}
