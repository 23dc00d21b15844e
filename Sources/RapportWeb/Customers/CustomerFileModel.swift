import Foundation

/// What `/customers/{id}` shows (`customer.mustache`): the header and contact facts, the file's
/// sections, key persons and their org chart, the timeline with its inline form, notes, the
/// relationship and lifecycle parts, and an undo banner after a delete on this page.
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

    let customer: Header
    /// What a rep needs before a call, at the top.
    let overview: CustomerOverview
    let sections: [ProfileSection]
    let customFields: [LabelledValue]
    let contacts: [KeyPerson]
    let orgChart: [OrgChart.Node]
    let activities: [CustomerTimeline.Entry]
    /// Whether the timeline has anything on this page (activities or pool events).
    let hasActivities: Bool
    /// Whether this is a later page of the timeline (a link back to the newest shows).
    let timelinePaged: Bool
    let timelineFirstURL: String
    let timelineNextURL: String?
    let notes: [Note]
    let activityFields: [FormField]
    let activityOtherErrors: [String]
    let noteField: FormField
    let relationships: RelationshipPanelModel
    let lifecycle: CustomerLifecyclePanel.Model
    let undo: UndoBanner.Notice?

    func child(named key: String) -> Any? {
        switch key {
        case "customer": customer
        case "overview": overview
        case "sections": sections
        case "customFields": customFields
        case "hasCustomFields": !customFields.isEmpty
        case "contacts": contacts
        case "hasContacts": !contacts.isEmpty
        case "orgChart": orgChart
        case "activities": activities
        case "hasActivities": hasActivities
        case "timelinePaged": timelinePaged
        case "timelineFirstURL": timelineFirstURL
        case "hasTimelineNext": timelineNextURL != nil
        case "timelineNextURL": timelineNextURL
        case "notes": notes
        case "hasNotes": !notes.isEmpty
        case "activityFields": activityFields
        case "activityOtherErrors": activityOtherErrors
        case "noteField": noteField
        case "relationships": relationships
        case "lifecycle": lifecycle
        case "undo": undo
        default: nil
        }
    }
}
