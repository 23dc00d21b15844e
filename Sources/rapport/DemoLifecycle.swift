import Foundation
import RapportApp
import RapportCore

/// Demo lifecycle data: orders over the years for a few customers (first purchase, repeat,
/// long-term), a referral chain, a passed qualification, exclusivity and a distributor; then
/// every stage is computed.
enum DemoLifecycle {
    static func fill(_ app: Rapport, admin: Acting) async throws {
        let customers = try await app.customers.list(admin, CustomerQuery(sort: .createdAt, limit: 12)).items
        guard customers.count >= 8 else { return }
        let today = app.today(for: admin.user)
        func order(_ customer: Customer, daysAgo: Int, amount: Int64) async throws {
            guard let day = CalendarDate(dayNumber: today.dayNumber - daysAgo) else { return }
            _ = try await app.orders.create(admin, customerID: customer.id, OrderDraft(
                orderedOn: day, lines: [OrderLineDraft(description: "年度供货 Annual supply", quantity: 1, unitPrice: amount,
                                                       unitCost: amount * 6 / 10)]))
        }
        // Long-term buyers, a repeat buyer and first purchases.
        for (index, customer) in customers.prefix(6).enumerated() {
            switch index {
            case 0, 1:
                for daysAgo in [900, 620, 380, 150, 20] { try await order(customer, daysAgo: daysAgo, amount: 1_200_000) }
            case 2:
                for daysAgo in [200, 60] { try await order(customer, daysAgo: daysAgo, amount: 380_000) }
            default:
                try await order(customer, daysAgo: 30 + index * 7, amount: 150_000)
            }
        }
        // 链式介绍: 0 brought 2 and 3, 2 brought 4, 4 brought 6.
        for (subject, referrer) in [(2, 0), (3, 0), (4, 2), (6, 4)] {
            _ = try await app.referrals.setForCustomer(admin, customers[subject].id, ReferralDraft(
                referrerCustomerID: customers[referrer].id, note: "老客户介绍 Introduced by an existing customer"))
        }
        _ = try await app.lifecycles.recordFact(admin, customerID: customers[1].id, kind: .exclusive,
                                              evidence: "采购部确认包装材料只向我们采购 Purchasing confirmed we are the only supplier")
        _ = try await app.lifecycles.recordFact(admin, customerID: customers[5].id, kind: .distributor,
                                              evidence: "2026 年区域经销协议 Regional distribution agreement 2026")
        _ = try await app.qualifications.update(admin, customers[7].id, QualificationDraft(
            abilityToPay: .yes, abilityEvidence: "注册资本 5000 万，银行资信良好",
            authority: .yes, authorityEvidence: "采购总监亲自参与评估",
            need: .yes, needEvidence: "新厂房下季度投产", warnings: [.acquaintance]), version: 0)
        let recount = try await app.background.recomputeAllLifecycles()
        print("Lifecycle: \(recount.changed) stage \(recount.changed == 1 ? "change" : "changes"); referral chain, qualification, exclusivity and a distributor recorded.")
    }
}
