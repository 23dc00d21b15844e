/// `/contacts`: key persons across the customers the reader may see, searchable, keyset-paged.
struct ContactListModel: PageModel {
    struct Row: PageModel {
        let id, name, title, phone, email: String
        let isCoach: Bool
        let customerID, customerName: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "title": title
            case "phone": phone
            case "email": email
            case "isCoach": isCoach
            case "customerID": customerID
            case "customerName": customerName
            default: nil
            }
        }
    }

    /// The search text (empty when none).
    let q: String
    let contacts: [Row]
    let pager: Pager

    func child(named name: String) -> Any? {
        switch name {
        case "q": q
        case "contacts": contacts
        case "hasContacts": !contacts.isEmpty
        case "isFiltered": !q.isEmpty
        default: pager.child(named: name)
        }
    }
}
