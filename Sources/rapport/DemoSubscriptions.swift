import Foundation
import RapportApp
import RapportCore

/// Demo subscriptions: yearly terms, some renewed (one despite poor results), some ending within
/// two months, some churned with reasons and win-back attempts (one customer came back).
enum DemoSubscriptions {
    static let churnReasons = [["operating.rareLogins"], ["productFit.sellerSide", "aux.salesPressure"],
                               ["companyStage"], ["aux.companyChange"], ["productFit.buyerSide"]]

    static func fill(_ app: Rapport, admin: Acting) async throws {
        let customers = try await app.customers.list(admin, CustomerQuery(sort: .createdAt, limit: 60)).items
            .filter { $0.ownerID != nil }.suffix(24)
        let today = app.today(for: admin.user)
        var churned = 0
        for (index, customer) in customers.enumerated() {
            // Every sixth term ends within the renewal notice window; the unrenewed others lapse.
            let start = index % 6 == 4 ? today.adding(days: -320 - index % 20) : today.adding(days: -300 - index * 17 % 200)
            let draft = SubscriptionDraft(startsOn: start, termMonths: 12, price: Int64(19_800 + index % 3 * 10_000) * 100,
                                          currency: "CNY")
            var term = try await app.subscriptions.create(admin, customerID: customer.id, draft)
            switch index % 6 {
            case 0, 1:
                let reasons = index % 12 == 0 ? ["renew.repRelationship"] : []
                term = try await app.subscriptions.renew(admin, term.id, RenewalInput(reasons: reasons,
                                                                                     note: reasons.isEmpty ? "" : "效果一般，但信任客户经理"))
            case 2, 3:
                let when = min(today, term.endsOn)
                term = try await app.subscriptions.churn(admin, term.id, ChurnInput(
                    reasons: churnReasons[index % churnReasons.count], note: "半年后很少登录 Stopped logging in", churnedOn: when))
                churned += 1
                let approach = WinbackApproach.allCases[index % WinbackApproach.allCases.count]
                let outcome: WinbackOutcome = index % 4 == 2 ? .interested : .noResponse
                _ = try await app.winback.recordAttempt(admin, customerID: customer.id, WinbackAttemptDraft(
                    approach: approach, outcome: outcome, note: "中秋问候并介绍新功能", attemptedOn: when))
            default:
                break
            }
        }
        print("Subscriptions: \(customers.count) customers, \(churned) churned on the win-back list.")
    }
}
