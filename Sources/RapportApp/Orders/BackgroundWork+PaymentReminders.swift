import Foundation
import RapportCore
import RapportStore

extension BackgroundWork {
    /// Sends each order's rep a notice when an open instalment reaches its reminder day
    /// (`paymentDue`) and another when it passes its due date unpaid (`paymentOverdue`), judged in
    /// the rep's time zone; overdue instalments are marked so in the store. Each notice is sent
    /// once (unique per recipient, kind and instalment), so the job is safe to repeat and to run
    /// from several processes. Looks back `lookbackDays` so a pause does not lose reminders.
    /// Returns how many notices were written.
    @discardableResult
    public func sendPaymentReminders(lookbackDays: Int = 30, batch: Int = 500) async throws -> Int {
        let now = deps.env.now()
        // The latest "today" anywhere on Earth is at most one day ahead of UTC's.
        let latestToday = CalendarDate.today(in: .gmt, at: now).adding(days: 1)
        let from = latestToday.adding(days: -lookbackDays)
        let purpose = SystemPurpose.job("payment-reminders")
        let (toRemind, due) = try await deps.systemRead(purpose) { session in
            (try await session.instalmentsToRemind(from: from, through: latestToday, limit: batch),
             try await session.instalmentsDue(from: from, through: latestToday, limit: batch))
        }
        var reps: [UserID: User] = [:]
        let names = try await deps.systemRead(purpose) {
            try await $0.unrestricted.customerNames(Array(Set((toRemind + due).map(\.0.customerID))))
        }
        var notices: [Notice] = []
        var overdue: [PaymentInstalment] = []
        for (kind, list) in [(NoticeKind.paymentDue, toRemind), (.paymentOverdue, due)] {
            for (item, order) in list {
                guard let repID = order.repID else { continue }
                if reps[repID] == nil, let rep = try await deps.systemRead(purpose, { try await $0.catalog.user(repID) })?.user {
                    reps[repID] = rep
                }
                guard let rep = reps[repID], !rep.disabled else { continue }
                let today = CalendarDate.today(in: TimeZone(identifier: rep.timeZone) ?? .gmt, at: now)
                let state = item.refreshed(today: today).state
                switch kind {
                case .paymentDue: guard item.remindOn <= today, state != .overdue, state.isOpen else { continue }
                default:
                    guard state == .overdue else { continue }
                    if item.state != .overdue { overdue.append(item) }
                }
                let payload = ["orderID": order.id.description, "orderNumber": order.number,
                               "customerName": names[item.customerID] ?? "",
                               "amount": MinorUnits.display(item.outstanding, currency: order.currency),
                               "dueOn": item.dueOn.description]
                notices.append(Notice(id: deps.env.newID(), recipientID: repID, kind: kind, subjectID: item.id.description,
                                      customerID: item.customerID, payload: payload, createdAt: now))
            }
        }
        let toWrite = notices, toMark = overdue
        return try await deps.systemWrite(purpose) { session in
            for item in toMark { try await session.markInstalmentOverdue(item.id, at: now) }
            var written = 0
            for notice in toWrite where try await session.catalog.insertNotice(notice) { written += 1 }
            return written
        }
    }
}
