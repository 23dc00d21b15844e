import Foundation

/// What `/customers/{id}` and its sections show (`customer.mustache`): the header and the tab bar
/// on every part, then the one part the URL names (`CustomerTab`) — the others are nil, neither
/// loaded nor rendered — and an undo banner after a delete.
struct CustomerFileModel: PageModel {
    /// The customer's header and facts (`{{#customer}}`; other parts read `customer.id`).
    struct Header: PageModel {
        let id: String
        let name: String
        let version: String
        let kind: String
        let size: String
        let hasSize: Bool
        let status: String
        let statusKey: String
        let ownerLine: String
        let teamLine: String
        let hasTeam: Bool
        let tags: [String]
        let industry, region, source, phone, email, website, address, registrationNumber: String
        let created: String
        let updated: String
        let isDeleted: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "version": version
            case "kind": kind
            case "size": size
            case "hasSize": hasSize
            case "status": status
            case "statusKey": statusKey
            case "ownerLine": ownerLine
            case "teamLine": teamLine
            case "hasTeam": hasTeam
            case "tags": tags
            case "hasTags": !tags.isEmpty
            case "industry": industry
            case "region": region
            case "source": source
            case "phone": phone
            case "email": email
            case "website": website
            case "address": address
            case "registrationNumber": registrationNumber
            case "created": created
            case "updated": updated
            case "isDeleted": isDeleted
            default: nil
            }
        }
    }

    /// One of the file's seven profile sections.
    struct ProfileSection: PageModel {
        let label: String
        let text: String

        func child(named key: String) -> Any? {
            switch key {
            case "label": label
            case "text": text
            case "hasText": !text.isEmpty
            default: nil
            }
        }
    }

    /// A key person's row in the table.
    struct KeyPerson: PageModel {
        let id, name, title, department, phone, email, influence, involvement: String
        let isCoach: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "title": title
            case "department": department
            case "phone": phone
            case "email": email
            case "influence": influence
            case "involvement": involvement
            case "isCoach": isCoach
            default: nil
            }
        }
    }

    /// A note with what the reader may do to it.
    struct Note: PageModel {
        let id, author, when, body: String
        let canEdit: Bool
        let canDelete: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "author": author
            case "when": when
            case "body": body
            case "canEdit": canEdit
            case "canDelete": canDelete
            case "hasActions": canEdit || canDelete
            default: nil
            }
        }
    }

    /// A tab of the page's section bar.
    struct Tab: PageModel {
        let key: String
        let label: String
        let url: String
        let current: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "key": key
            case "label": label
            case "url": url
            case "current": current
            default: nil
            }
        }
    }

    /// The key persons section: the table and the org chart.
    struct PeoplePart: PageModel {
        let contacts: [KeyPerson]
        let orgChart: [OrgChart.Node]

        func child(named name: String) -> Any? {
            switch name {
            case "contacts": contacts
            case "hasContacts": !contacts.isEmpty
            case "orgChart": orgChart
            default: nil
            }
        }
    }

    /// The timeline section: the form to log an activity, one page of activities and pool
    /// events, and the notes.
    struct TimelinePart: PageModel {
        let activities: [CustomerTimeline.Entry]
        /// Whether the timeline has anything on this page (activities or pool events).
        let hasActivities: Bool
        /// Whether this is a later page of the timeline (a link back to the newest shows).
        let timelinePaged: Bool
        let timelineFirstURL: String
        let timelineNextURL: String?
        /// Whether this is a later page of the notes; the links to the newest and the next page.
        let notesPaged: Bool
        let notesFirstURL: String
        let notesNextURL: String?
        let notes: [Note]
        let activityFields: [FormField]
        let activityOtherErrors: [String]
        let noteField: FormField

        func child(named name: String) -> Any? {
            switch name {
            case "activities": activities
            case "hasActivities": hasActivities
            case "timelinePaged": timelinePaged
            case "timelineFirstURL": timelineFirstURL
            case "hasTimelineNext": timelineNextURL != nil
            case "timelineNextURL": timelineNextURL ?? ""
            case "notesPaged": notesPaged
            case "notesFirstURL": notesFirstURL
            case "hasNotesNext": notesNextURL != nil
            case "notesNextURL": notesNextURL ?? ""
            case "notes": notes
            case "hasNotes": !notes.isEmpty
            case "activityFields": activityFields
            case "activityOtherErrors": activityOtherErrors
            case "noteField": noteField
            default: nil
            }
        }
    }

    /// The file section: contact facts (read from `customer`), custom fields, the profile's
    /// sections, and the likely duplicates to merge.
    struct FilePart: PageModel {
        /// A likely duplicate of the customer, with the link to merge it.
        struct Duplicate: PageModel {
            let name: String
            let url: String

            func child(named key: String) -> Any? {
                switch key {
                case "name": name
                case "url": url
                default: nil
                }
            }
        }

        let sections: [ProfileSection]
        let customFields: [LabelledValue]
        let duplicates: [Duplicate]
        let mergeURL: String

        func child(named name: String) -> Any? {
            switch name {
            case "sections": sections
            case "customFields": customFields
            case "hasCustomFields": !customFields.isEmpty
            case "duplicates": duplicates
            case "hasDuplicates": !duplicates.isEmpty
            case "mergeURL": mergeURL
            default: nil
            }
        }
    }

    let customer: Header
    let tabs: [Tab]
    /// What a rep needs before a call (overview only).
    let overview: CustomerOverview?
    /// Promises, expectation, situation, guidance (overview only).
    let relationships: RelationshipPanelModel?
    /// Care dates, results, handovers (service only).
    let service: RelationshipPanelModel?
    /// Stage, pool, deals, orders (sales) or the subscription (service).
    let lifecycle: CustomerLifecyclePanel.Model?
    let people: PeoplePart?
    let timeline: TimelinePart?
    let file: FilePart?
    let undo: UndoBanner.Notice?

    func child(named key: String) -> Any? {
        switch key {
        case "customer": customer
        case "tabs": tabs
        case "overview": overview
        case "relationships": relationships
        case "service": service
        case "lifecycle": lifecycle
        case "people": people
        case "timeline": timeline
        case "file": file
        case "undo": undo
        default: nil
        }
    }
}
