import Foundation
import RapportApp
import RapportCore

/// Three years of buying for most demo customers, so that every lifecycle stage, the payments
/// and the analytics have believable numbers for every rep: regular long-term buyers, recent repeat
/// buyers, one-off buyers, customers who stopped buying a year and a half ago, and prospects who
/// never bought. Orders older than 45 days are paid in full on their due day; newer ones are open.
enum DemoHistory {
    /// What a customer's history looks like, by its place in the list.
    enum Pattern: CaseIterable {
        case regular, repeatBuyer, oneOff, lapsed, prospect
    }

    static func fill(_ app: Rapport, admin: Acting, rng: inout SeededGenerator) async throws {
        var customers: [Customer] = []
        var cursor: PageCursor?
        repeat {
            let page = try await app.customers.list(admin, CustomerQuery(sort: .createdAt, limit: CustomerQuery.maxLimit, cursor: cursor))
            customers += page.items
            cursor = page.nextCursor.flatMap(PageCursor.init(token:))
        } while cursor != nil
        let today = app.today(for: admin.user)
        // The first twelve have hand-made histories (DemoLifecycle, DemoOrders); the pool has no owner.
        var orders = 0, paid = 0
        for (index, customer) in customers.dropFirst(12).enumerated() where customer.ownerID != nil {
            let english = DemoData.isEnglish(customer.name)
            let base = Int64(50_000 + rng.next() % 40 * 25_000)
            let daysAgo: [Int]
            switch Pattern.allCases[index % Pattern.allCases.count] {
            case .regular: daysAgo = Array(stride(from: 1_080, through: 20, by: -(100 + Int(rng.next() % 40))))
            case .repeatBuyer: daysAgo = [400 + Int(rng.next() % 40), 150 + Int(rng.next() % 60), 25 + Int(rng.next() % 30)]
            case .oneOff: daysAgo = [90 + Int(rng.next() % 500)]
            case .lapsed: daysAgo = [1_050, 860, 700, 560].map { $0 - Int(rng.next() % 30) }
            case .prospect: daysAgo = []
            }
            for back in daysAgo {
                let orderedOn = today.adding(days: -back)
                let amount = base + Int64(rng.next() % 10) * 10_000
                let order = try await app.orders.create(admin, customerID: customer.id, OrderDraft(
                    orderedOn: orderedOn, repID: customer.ownerID,
                    lines: [OrderLineDraft(description: english ? "Quarterly supply" : "季度供货", quantity: 1, unitPrice: amount,
                                           unitCost: amount * Int64(55 + rng.next() % 20) / 100)]))
                orders += 1
                guard back > 45 else { continue }
                for instalment in try await app.payments.plan(admin, order.id).instalments {
                    _ = try await app.payments.recordReceipt(admin, order.id, ReceiptDraft(
                        instalmentID: instalment.id, amount: instalment.amount, receivedOn: min(instalment.dueOn, today),
                        reference: "HIST-\(orders)"))
                }
                paid += 1
            }
        }
        let recount = try await app.background.recomputeAllLifecycles()
        print("History: \(orders) orders over three years (\(paid) paid in full), \(recount.changed) stage \(recount.changed == 1 ? "change" : "changes").")
    }
}
