/// `/customers` (and the trash, `?deleted=only`): the filters, the count, one page of customers
/// and the pager, and an undo banner after a delete.
struct CustomerListModel: PageModel {
    struct Row: PageModel {
        let id, name, region, owner, status: String
        let phone: String
        /// The main key person's name, or empty.
        let mainContact: String
        /// The lifecycle stage's label and key (for its badge's colour), or empty.
        let stage: String
        let stageKey: String
        /// "3 days ago" style text of the last logged activity, or empty when there is none.
        let lastTouch: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "region": region
            case "hasRegion": !region.isEmpty
            case "owner": owner
            case "status": status
            case "phone": phone
            case "mainContact": mainContact
            case "stage": stage
            case "stageKey": stageKey
            case "hasStage": !stage.isEmpty
            case "lastTouch": lastTouch
            case "hasLastTouch": !lastTouch.isEmpty
            default: nil
            }
        }
    }

    /// The customer just deleted, to restore.
    struct Undo: PageModel {
        let id: String
        let text: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "text": text
            default: nil
            }
        }
    }

    /// One of the user's saved views: its name, the link that opens it, and whether the list
    /// shows exactly its filters now.
    struct View: PageModel {
        let id: String
        let name: String
        let url: String
        let current: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "url": url
            case "current": current
            default: nil
            }
        }
    }

    let q: String
    let tag: String
    let kindOptions: [Choice]
    let statusOptions: [Choice]
    let stageOptions: [Choice]
    let sortOptions: [Choice]
    /// The sortable column headings: name, stage, last touch.
    let nameHeader: SortHeader
    let stageHeader: SortHeader
    let lastTouchHeader: SortHeader
    /// The owner filter, for managers only.
    let ownerOptions: [Choice]?
    let trash: Bool
    let customers: [Row]
    let countText: String
    /// Whether any filter narrows the list (the empty state says "no match" rather than "no customers").
    let isFiltered: Bool
    let trashURL: String
    let pager: Pager
    let undo: Undo?
    let views: [View]
    /// The current filters as a query string, posted when the user saves them as a view.
    let viewQuery: String
    /// The save-a-view form's name field (with its error after a failed save).
    let viewNameField: FormField

    func child(named name: String) -> Any? {
        switch name {
        case "q": q
        case "tag": tag
        case "kindOptions": kindOptions
        case "statusOptions": statusOptions
        case "stageOptions": stageOptions
        case "sortOptions": sortOptions
        case "nameHeader": nameHeader
        case "stageHeader": stageHeader
        case "lastTouchHeader": lastTouchHeader
        case "hasOwnerFilter": ownerOptions != nil
        case "ownerOptions": ownerOptions
        case "trash": trash
        case "customers": customers
        case "hasCustomers": !customers.isEmpty
        case "countText": countText
        case "isFiltered": isFiltered
        case "trashURL": trashURL
        case "undo": undo
        case "views": views
        case "hasViews": !views.isEmpty
        case "viewQuery": viewQuery
        case "viewNameField": viewNameField
        default: pager.child(named: name)
        }
    }
}
