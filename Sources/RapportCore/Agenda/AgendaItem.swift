import Foundation

/// Why something is on a user's agenda (DOMAIN part 4).
public enum AgendaItemKind: String, Sendable, Codable, CaseIterable {
    /// An open promise due today.
    case commitmentDue
    /// An open promise past its due date (the owner's, or for managers their team's).
    case commitmentOverdue
    /// A call, visit or meeting logged for later today or tomorrow.
    case plannedContact
    /// A birthday, anniversary, founding day or honour coming within its lead time.
    case careDate
    /// A holiday coming within its lead time (one line for all of the user's customers).
    case holiday
    /// A customer handed over to the user that they have not read yet.
    case handover
    /// An owned customer that returns to the public pool within the pool's warning days (即将回收).
    case poolRecycle
}

/// One line of an agenda. `subjectID` is the promise, activity, care date, holiday or handover.
public struct AgendaItem: Sendable, Codable, Equatable {
    public var kind: AgendaItemKind
    public var date: CalendarDate
    public var subjectID: String
    public var title: String
    public var customerID: CustomerID?
    public var customerName: String?
    /// The person involved (a key person, or the customer when it is a person).
    public var contactID: ContactID?
    public var personName: String?
    /// Whose item it is (promise owner, activity author, customer owner, handover recipient).
    public var userID: UserID?
    /// Days late (promises) or days to go (dates); 0 = today.
    public var days: Int
    /// What the person is like and how to approach them, in the reader's language.
    public var guidance: GuidanceCard?

    public init(kind: AgendaItemKind, date: CalendarDate, subjectID: String, title: String, customerID: CustomerID? = nil,
                customerName: String? = nil, contactID: ContactID? = nil, personName: String? = nil,
                userID: UserID? = nil, days: Int = 0, guidance: GuidanceCard? = nil) {
        self.kind = kind; self.date = date; self.subjectID = subjectID; self.title = title; self.customerID = customerID
        self.customerName = customerName; self.contactID = contactID; self.personName = personName
        self.userID = userID; self.days = days; self.guidance = guidance
    }

    /// Overdue promises first, then by date, kind and title: the order a rep works through them.
    public static func agendaOrder(_ a: AgendaItem, _ b: AgendaItem) -> Bool {
        let ra = a.kind == .commitmentOverdue ? 0 : 1, rb = b.kind == .commitmentOverdue ? 0 : 1
        if ra != rb { return ra < rb }
        if a.date != b.date { return a.date < b.date }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return (a.title, a.subjectID) < (b.title, b.subjectID)
    }
}

/// A user's agenda for one day.
public struct Agenda: Sendable, Codable, Equatable {
    public var userID: UserID
    public var today: CalendarDate
    public var items: [AgendaItem]
    /// True when more open promises are due than the agenda lists (the oldest are listed; the
    /// promise list has the rest).
    public var morePromises: Bool

    public init(userID: UserID, today: CalendarDate, items: [AgendaItem], morePromises: Bool = false) {
        self.userID = userID; self.today = today; self.items = items; self.morePromises = morePromises
    }

    /// How many of the user's and their teams' due promises an agenda lists at most.
    public static let promiseLimit = 50

    /// How many items of each kind, for badges and the API.
    public var counts: [String: Int] {
        items.reduce(into: [:]) { $0[$1.kind.rawValue, default: 0] += 1 }
    }
}
