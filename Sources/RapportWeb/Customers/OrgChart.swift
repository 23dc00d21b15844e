import RapportCore

/// The key persons as a reporting tree, built from `reportsToID`: roots are those without a
/// boss among the customer's live contacts. Each node lists its direct reports; the template
/// renders nested lists with a recursive partial.
enum OrgChart {
    static func roots(_ contacts: [Contact]) -> [[String: Any]] {
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

    private static func node(_ contact: Contact, reports: [ContactID: [Contact]], placed: inout Set<ContactID>) -> [String: Any] {
        placed.insert(contact.id)
        var children: [[String: Any]] = []
        for child in reports[contact.id] ?? [] where !placed.contains(child.id) {
            children.append(node(child, reports: reports, placed: &placed))
        }
        return [
            "id": contact.id.description,
            "name": contact.name,
            "title": contact.title,
            "hasTitle": !contact.title.isEmpty,
            "isCoach": contact.isCoach,
            "children": children,
            "hasChildren": !children.isEmpty,
        ]
    }
}
