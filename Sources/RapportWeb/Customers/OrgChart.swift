import RapportCore

/// The key persons as a reporting tree, built from `reportsToID`: roots are those without a
/// boss among the customer's live contacts. Each node lists its direct reports; the template
/// renders nested lists with a recursive partial.
enum OrgChart {
    /// One person in the tree with their direct reports (`org_node.mustache`, recursive).
    struct Node: PageModel {
        let id: String
        let name: String
        let title: String
        let isCoach: Bool
        let children: [Node]

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "title": title
            case "hasTitle": !title.isEmpty
            case "isCoach": isCoach
            case "children": children
            case "hasChildren": !children.isEmpty
            default: nil
            }
        }
    }

    static func roots(_ contacts: [Contact]) -> [Node] {
        let ids = Set(contacts.map(\.id))
        var reports: [ContactID: [Contact]] = [:]
        var roots: [Contact] = []
        for contact in contacts {
            if let boss = contact.reportsToID, ids.contains(boss), boss != contact.id {
                reports[boss, default: []].append(contact)
            } else {
                roots.append(contact)
            }
        }
        var placed = Set<ContactID>()
        var tree = roots.map { node($0, reports: reports, placed: &placed) }
        // A reporting loop (which the use cases refuse) would hide its members: show them as roots.
        for contact in contacts where !placed.contains(contact.id) {
            tree.append(node(contact, reports: reports, placed: &placed))
        }
        return tree
    }

    private static func node(_ contact: Contact, reports: [ContactID: [Contact]], placed: inout Set<ContactID>) -> Node {
        placed.insert(contact.id)
        var children: [Node] = []
        for child in reports[contact.id] ?? [] where !placed.contains(child.id) {
            children.append(node(child, reports: reports, placed: &placed))
        }
        return Node(id: contact.id.description, name: contact.name, title: contact.title, isCoach: contact.isCoach,
                    children: children)
    }
}
