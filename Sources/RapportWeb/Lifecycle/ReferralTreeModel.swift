/// What `/customers/{id}/referrals` shows: who brought the customer (up to the first) and, as a
/// nested list, everyone it brought.
struct ReferralTreeModel: PageModel {
    /// One customer in the tree. One the reader may not see has no id (no link) and a placeholder name.
    struct Node: PageModel {
        /// Nil for a customer the reader may not see.
        let id: String?
        let name: String
        /// The lifecycle stage's label; empty when unknown.
        let stage: String
        let children: [Node]

        func child(named key: String) -> Any? {
            switch key {
            // A hidden node answers `false`, not nil: nil would let `{{#id}}` pick up the id of the
            // node it sits under.
            case "id": if let id { id } else { false }
            case "name": name
            case "stage": stage
            case "visible": id != nil
            case "children": children
            case "hasChildren": !children.isEmpty
            default: nil
            }
        }
    }

    let customerID: String
    let customerName: String
    /// The chain of referrers, nearest first.
    let above: [Node]
    /// The customer itself, with everyone it brought below.
    let root: Node

    func child(named name: String) -> Any? {
        switch name {
        case "customerID": customerID
        case "customerName": customerName
        case "above": above
        case "hasAbove": !above.isEmpty
        case "root": [root]
        case "hasBrought": !root.children.isEmpty
        default: nil
        }
    }
}
