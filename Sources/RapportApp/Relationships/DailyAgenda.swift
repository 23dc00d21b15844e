import Foundation
import RapportCore
import RapportStore

/// The day's work: what a user should do today, with the guidance card of each person involved.
public struct DailyAgenda: Sendable {
    let deps: Dependencies

    /// A user's agenda for today: promises due or overdue, calls and visits planned for today and
    /// tomorrow, care dates and holidays within their lead time, and unread handovers — each with
    /// the guidance card of the person involved, in `language`.
    ///
    /// `userID` nil means the acting user; managers may open the agenda of anyone in their teams,
    /// admins anyone's. A manager's own agenda also lists the overdue promises of their teams.
    public func build(_ acting: Acting, for userID: UserID? = nil, language: Language) async throws -> Agenda {
        let subject = try await agendaSubject(acting, userID)
        let subjectActing = subject.id == acting.id ? acting : try await Rapport(deps: deps).acting(subject)
        var agenda = try await agendaItems(subjectActing, language: language)
        try await decorate(&agenda.items, acting: subjectActing, language: language)
        return agenda
    }

    /// How many items the acting user's agenda has today (for badges): the same items as
    /// `agenda`, without names and guidance cards.
    public func count(_ acting: Acting) async throws -> Int {
        try await agendaItems(acting, language: acting.user.language ?? .zhHans).items.count
    }

    /// The agenda's items for the user `subjectActing` acts as, sorted, not yet decorated.
    private func agendaItems(_ subjectActing: Acting, language: Language) async throws -> Agenda {
        let subject = subjectActing.user
        let today = deps.today(for: subject)
        let zone = TimeZone(identifier: subject.timeZone) ?? .gmt
        let holidays = try await deps.holidayCalendar().upcoming(from: today)
        let maxLead = CareDate.leadDaysRange.upperBound
        let limit = Agenda.promiseLimit
        let now = deps.env.now()
        let (mine, teamOverdue, planned, care, ownsCustomers, handovers) = try await deps.read(subjectActing) { session in
            let mine = try await session.commitments(CommitmentFilter(ownerID: subject.id, state: .open, dueOnOrBefore: today),
                                                     limit: limit, cursor: nil)
            var teamOverdue = Page<Commitment>(items: [], nextCursor: nil)
            if subject.role != .rep {
                teamOverdue = try await session.commitments(CommitmentFilter(state: .open, dueBefore: today),
                                                            limit: limit, cursor: nil)
                teamOverdue.items.removeAll { $0.ownerID == subject.id }
            }
            let start = Self.startOfDay(today, zone: zone)
            let planned = try await session.activities(by: [subject.id], from: max(start, now),
                                                       to: Self.startOfDay(today.adding(days: 2), zone: zone))
            // Reminders that started up to a lead time plus a week ago (the occurrence may have been
            // stored before a missed roll-forward) through today.
            let care = try await session.careDates(ownedBy: [subject.id], remindFrom: today.adding(days: -maxLead - 7),
                                                   through: today)
            let owns = holidays.isEmpty ? false : try await session.ownsLiveCustomers([subject.id])
            let handovers = try await session.unreadHandovers(to: [subject.id], limit: 100)
            return (mine, teamOverdue, planned, care, owns, handovers)
        }
        var items: [AgendaItem] = []
        for promise in mine.items + teamOverdue.items {
            let overdue = promise.dueOn < today
            items.append(AgendaItem(kind: overdue ? .commitmentOverdue : .commitmentDue, date: promise.dueOn,
                                    subjectID: promise.id.description, title: promise.title, customerID: promise.customerID,
                                    contactID: promise.contactID, userID: promise.ownerID,
                                    days: promise.dueOn.days(until: today)))
        }
        for activity in planned {
            items.append(AgendaItem(kind: .plannedContact, date: CalendarDate.today(in: zone, at: activity.occurredAt),
                                    subjectID: activity.id.description, title: activity.purpose,
                                    customerID: activity.customerID, contactID: activity.contactID, userID: activity.userID,
                                    days: today.days(until: CalendarDate.today(in: zone, at: activity.occurredAt))))
        }
        for record in care {
            let current = CareDates.rolled(record, today: today)
            guard let upcoming = current.date.upcoming(from: today) else { continue }
            items.append(AgendaItem(kind: .careDate, date: upcoming.date, subjectID: record.id.description,
                                    title: record.date.title, customerID: record.customerID, contactID: record.contactID,
                                    userID: subject.id, days: upcoming.daysUntil))
        }
        if ownsCustomers {
            for holiday in holidays {
                items.append(AgendaItem(kind: .holiday, date: holiday.date, subjectID: holiday.holiday.id,
                                        title: holiday.holiday.name(for: language.rawValue), userID: subject.id,
                                        days: holiday.daysUntil))
            }
        }
        for handover in handovers {
            items.append(AgendaItem(kind: .handover, date: CalendarDate.today(in: zone, at: handover.createdAt),
                                    subjectID: handover.id.description, title: handover.summary.customerName,
                                    customerID: handover.customerID, userID: subject.id))
        }
        for warning in try await Pools(deps: deps).warnings(subjectActing) {
            let due = CalendarDate.today(in: zone, at: warning.due ?? now)
            items.append(AgendaItem(kind: .poolRecycle, date: due, subjectID: warning.customerID.description,
                                    title: warning.reason.rawValue, customerID: warning.customerID, userID: subject.id,
                                    days: max(0, today.days(until: due))))
        }
        return Agenda(userID: subject.id, today: today, items: items.sorted(by: AgendaItem.agendaOrder),
                      morePromises: mine.nextCursor != nil || teamOverdue.nextCursor != nil)
    }

    /// Fills in customer and person names and each person's guidance card.
    private func decorate(_ items: inout [AgendaItem], acting: Acting, language: Language) async throws {
        let customerIDs = Array(Set(items.compactMap(\.customerID)))
        let contactIDs = Array(Set(items.compactMap(\.contactID)))
        let book = try await deps.guidanceBook(language)
        let (customers, contacts, personalities) = try await deps.read(acting) { session in
            let customers = try await session.customerSummaries(customerIDs)
            let contacts = try await session.contactNames(contactIDs)
            let subjects = contactIDs.map(\.description)
                + customers.values.filter { $0.kind == .individual }.map(\.id.description)
            return (customers, contacts, try await session.personalities(subjects: subjects))
        }
        for index in items.indices {
            guard let customerID = items[index].customerID else { continue }
            let customer = customers[customerID]
            items[index].customerName = customer?.name
            var subject: String?
            if let contactID = items[index].contactID {
                items[index].personName = contacts[contactID]
                subject = contactID.description
            } else if let customer, customer.kind == .individual {
                items[index].personName = customer.name
                subject = customer.id.description
            }
            if let subject, let stored = personalities[subject] {
                let card = GuidanceCard(book: book, personality: stored.personality)
                if !card.isEmpty { items[index].guidance = card }
            }
        }
    }

    private func agendaSubject(_ acting: Acting, _ userID: UserID?) async throws -> User {
        guard let userID, userID != acting.id else { return acting.user }
        guard acting.isManager else { throw AppError.forbidden(reason: .managerOnly) }
        guard let user = try await deps.read(acting, { try await $0.catalog.user(userID) })?.user else {
            throw AppError.notFound(entity: .user)
        }
        if !acting.isAdmin, !acting.scope.contains(owner: user.id, team: user.teamID) {
            throw AppError.notFound(entity: .user)
        }
        return user
    }

    /// Midnight at the start of a calendar day in a time zone.
    static func startOfDay(_ day: CalendarDate, zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: day.year, month: day.month, day: day.day)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
    }
}
