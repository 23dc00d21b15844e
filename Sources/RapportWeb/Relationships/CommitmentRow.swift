import RapportCore

/// One promise as the customer page and the promise list show it: due date, owner, state, and
/// whether it is overdue (open and due before the reader's today). It does not answer `editable`
/// or `customer`: the customer page's rows read those from the page.
struct CommitmentRow: PageModel {
    let id: String
    let version: String
    let title: String
    let details: String
    /// The due date, or on overdue promises "2025-03-01 (5 days ago)".
    let due: String
    let dueOn: String
    let owner: String
    /// The state in the reader's language, and its raw value (`stateKey`).
    let state: String
    let stateValue: CommitmentState
    let overdue: Bool
    let evidence: String
    let contactName: String?
    let customerName: String?
    let customerID: String

    init(_ c: Commitment, today: CalendarDate, people: Directory, contactName: String?,
         customerName: String? = nil, env: PageEnvironment, language: Language) {
        let overdue = c.isOverdue(today: today)
        id = c.id.description
        version = String(c.version)
        title = c.title
        details = c.details
        due = overdue ? env.text("commitment.overdueBy", language, [c.dueOn.description, String(c.dueOn.days(until: today))])
            : c.dueOn.description
        dueOn = c.dueOn.description
        owner = people.name(c.ownerID)
        state = env.label("commitmentState", c.state, language)
        stateValue = c.state
        self.overdue = overdue
        evidence = c.evidence
        self.contactName = contactName
        self.customerName = customerName
        customerID = c.customerID.description
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "version": version
        case "title": title
        case "details": details
        case "hasDetails": !details.isEmpty
        case "due": due
        case "dueOn": dueOn
        case "owner": owner
        case "state": state
        case "stateKey": stateValue.rawValue
        case "isOpen": stateValue == .open
        case "isBroken": stateValue == .broken
        case "isDone": stateValue == .done
        case "overdue": overdue
        case "evidence": evidence
        case "hasEvidence": !evidence.isEmpty
        case "contactName": contactName ?? ""
        case "hasContact": contactName != nil
        case "customerName": customerName ?? ""
        case "hasCustomer": customerName != nil
        case "customerURL": "/customers/\(customerID)"
        case "editURL": "/commitments/\(id)/edit"
        case "doneURL": "/commitments/\(id)/edit?state=done"
        default: nil
        }
    }
}
