import RapportCore

/// One promise as the customer page and the promise list show it: due date, owner, state, and
/// whether it is overdue (open and due before the reader's today).
enum CommitmentRow {
    static func data(_ c: Commitment, today: CalendarDate, people: Directory, contactName: String?,
                     customerName: String? = nil, env: PageEnvironment, language: Language) -> [String: Any] {
        let overdue = c.isOverdue(today: today)
        var dueText = c.dueOn.description
        if overdue { dueText = env.text("commitment.overdueBy", language, [c.dueOn.description, String(c.dueOn.days(until: today))]) }
        return [
            "id": c.id.description, "version": String(c.version), "title": c.title, "details": c.details,
            "hasDetails": !c.details.isEmpty, "due": dueText, "dueOn": c.dueOn.description,
            "owner": people.name(c.ownerID), "state": env.label("commitmentState", c.state, language),
            "stateKey": c.state.rawValue, "isOpen": c.state == .open, "isBroken": c.state == .broken,
            "isDone": c.state == .done, "overdue": overdue, "evidence": c.evidence, "hasEvidence": !c.evidence.isEmpty,
            "contactName": contactName ?? "", "hasContact": contactName != nil,
            "customerName": customerName ?? "", "hasCustomer": customerName != nil,
            "customerURL": "/customers/\(c.customerID)", "editURL": "/commitments/\(c.id)/edit",
            "doneURL": "/commitments/\(c.id)/edit?state=done",
        ]
    }
}
