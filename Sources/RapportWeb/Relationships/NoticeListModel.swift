/// What `/notices` shows: one page of the user's notices, newest first, and how to page on.
struct NoticeListModel: PageModel {
    /// One notice, its text already written in the reader's language.
    struct Row: PageModel {
        let id: String
        let kind: String
        let kindLabel: String
        let text: String
        let when: String
        let unread: Bool
        let link: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "kind": kind
            case "kindLabel": kindLabel
            case "text": text
            case "when": when
            case "unread": unread
            case "link": link
            case "hasLink": !link.isEmpty
            default: nil
            }
        }
    }

    let notices: [Row]
    /// "3 unread" in the reader's language.
    let unreadLine: String
    let unread: Int
    /// The cursor of the page shown (nil on the first page).
    let cursor: String?
    let nextURL: String?

    func child(named name: String) -> Any? {
        switch name {
        case "notices": notices
        case "hasNotices": !notices.isEmpty
        case "unreadLine": unreadLine
        case "hasUnread": unread > 0
        case "isPaged": cursor != nil
        case "cursor": cursor ?? ""
        case "hasNext": nextURL != nil
        case "nextURL": nextURL
        default: nil
        }
    }
}
