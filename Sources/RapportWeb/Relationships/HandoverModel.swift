/// What `/handovers/{id}` shows: the snapshot a new owner received when a customer was handed
/// over — history, open promises, key persons with their types, the expectation status.
struct HandoverModel: PageModel {
    /// The handover itself. It does not answer `title`: the page heading inside it is the layout's title.
    struct Handover: PageModel {
        let id: String
        let customerID: String
        let customerName: String
        /// "From A to B" in the reader's language.
        let line: String
        let when: String
        /// "Read on …", empty while unread.
        let readText: String
        let isRead: Bool
        /// The reader received it and has not read it yet.
        let canMarkRead: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "customerID": customerID
            case "customerName": customerName
            case "line": line
            case "when": when
            case "isRead": isRead
            case "readText": readText
            case "canMarkRead": canMarkRead
            default: nil
            }
        }
    }

    /// A dated line of the snapshot: a recent activity or an open promise.
    struct Line: PageModel {
        let on: String
        let text: String

        func child(named name: String) -> Any? {
            switch name {
            case "on": on
            case "text": text
            default: nil
            }
        }
    }

    /// A key person and their types ("Analytical · Economic buyer").
    struct Person: PageModel {
        let name: String
        let title: String
        let url: String
        let types: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "title": title
            case "url": url
            case "types": types
            case "hasTypes": !types.isEmpty
            default: nil
            }
        }
    }

    /// The expectation status at the handover: level (raw value and label) and the measured line.
    struct Expectation: PageModel {
        let level: String
        let label: String
        let text: String

        func child(named name: String) -> Any? {
            switch name {
            case "level": level
            case "label": label
            case "text": text
            default: nil
            }
        }
    }

    let handover: Handover
    /// "12 activities, 3 notes" in the reader's language.
    let counts: String
    let activities: [Line]
    let promises: [Line]
    let people: [Person]
    /// Nil when the snapshot has no (known) expectation level.
    let expectation: Expectation?

    func child(named name: String) -> Any? {
        switch name {
        case "handover": handover
        case "counts": counts
        case "activities": activities
        case "hasActivities": !activities.isEmpty
        case "promises": promises
        case "hasPromises": !promises.isEmpty
        case "people": people
        case "hasPeople": !people.isEmpty
        case "expectation": expectation
        default: nil
        }
    }
}
