/// A key person's page (`/contacts/{id}`, `contact.mustache`): who they are and report to, how to
/// reach them, the relationship facts, who referred them, and their personality section.
struct ContactPageModel: PageModel {
    /// The header (`{{#contact}}`).
    struct Header: PageModel {
        let id, name, title: String
        let isCoach: Bool
        let isDeleted: Bool
        let customerID, customerName: String
        /// The boss among the customer's key persons, if any.
        let boss: RecordLink?

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "title": title
            case "isCoach": isCoach
            case "isDeleted": isDeleted
            case "customerID": customerID
            case "customerName": customerName
            case "hasBoss": boss != nil
            case "bossID": boss?.id ?? ""
            case "bossName": boss?.name ?? ""
            default: nil
            }
        }
    }

    /// One fact: label and value; `long` texts keep their line breaks.
    struct Fact: PageModel {
        let label: String
        let value: String
        var long = false

        func child(named key: String) -> Any? {
            switch key {
            case "label": label
            case "value": value
            case "long": long
            case "hasValue": !value.isEmpty
            default: nil
            }
        }
    }

    /// A direct report.
    struct Report: PageModel {
        let id, name, title: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "title": title
            default: nil
            }
        }
    }

    let contact: Header
    let reach: [Fact]
    let relationship: [Fact]
    let reports: [Report]
    let customFields: [LabelledValue]
    let referral: ContactReferralSection.Model
    /// Not shown for a key person in the trash.
    let personality: PersonalitySection.Model?

    func child(named name: String) -> Any? {
        switch name {
        case "contact": contact
        case "reach": reach
        case "relationship": relationship
        case "reports": reports
        case "hasReports": !reports.isEmpty
        case "customFields": customFields
        case "referral": referral
        case "personality": personality
        default: nil
        }
    }
}
