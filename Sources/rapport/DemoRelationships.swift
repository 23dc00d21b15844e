import Foundation
import RapportApp
import RapportCore

/// The relationship side of the demo data: personalities, situation and results, promises
/// (some overdue, so agendas and escalations have something to show), care dates (some lunar).
enum DemoRelationships {
    static func fill(_ app: Rapport, owner: Acting, customer: Customer, people: [ContactID],
                     rng: inout SeededGenerator) async throws {
        let today = app.today(for: owner.user)
        for (index, person) in people.enumerated() where rng.next() % 3 != 0 {
            let temperament = DemoData.pick(Temperament.allCases, &rng)
            let draft = PersonalityDraft(temperament: temperament.rawValue,
                                         buyerType: index == 0 ? DemoData.pick(BuyerType.allCases, &rng).rawValue : nil)
            _ = try await app.personalities.update(owner, .contact(person), draft, version: 0, language: .zhHans)
        }
        let business = DemoData.pick(BusinessType.allCases, &rng)
        _ = try await app.situations.update(owner, of: customer.id, CustomerSituationDraft(
            joinReasons: Array(JoinReason.allCases.shuffled(using: &rng).prefix(3)).map(\.rawValue),
            motivation: DemoData.pick(SigningMotivation.allCases, &rng).rawValue, businessType: business.rawValue), version: 0)
        let measure = try await app.situations.expectationPolicy().defaults(for: business).measure
        for back in [400, 200, 30] where rng.next() % 2 == 0 {
            _ = try await app.situations.recordResult(owner, of: customer.id, ResultRecord(
                on: today.adding(days: -back), measure: measure,
                value: measure == .revenue ? Int64(rng.next() % 500_000) * 100 : Int64(rng.next() % 4)))
        }
        let promises = DemoData.isEnglish(customer.name)
            ? ["Send the revised quotation", "Confirm the second delivery date", "Book the on-site training", "Send the annual statement"]
            : ["寄送样品和检测报告", "确认第二批货的交期", "安排技术人员上门培训", "提供年度对账单"]
        for _ in 0..<Int(rng.next() % 3) {
            _ = try await app.commitments.create(owner, customerID: customer.id, CommitmentDraft(
                contactID: .some(people.first), title: DemoData.pick(promises, &rng),
                dueOn: today.adding(days: Int(rng.next() % 30) - 10)))
        }
        if let first = people.first {
            let lunar = rng.next() % 4 == 0
            _ = try await app.careDates.add(owner, customerID: customer.id, contactID: first, CareDate(
                kind: .birthday, calendar: lunar ? .lunar : .solar, month: Int(rng.next() % 12) + 1,
                day: Int(rng.next() % 28) + 1, title: ""))
        }
        if rng.next() % 5 == 0 {
            _ = try await app.careDates.add(owner, customerID: customer.id, contactID: nil, CareDate(
                kind: .founding, month: Int(rng.next() % 12) + 1, day: Int(rng.next() % 28) + 1, year: 2008, title: ""))
        }
    }
}
