import Foundation
import RapportApp
import RapportCore

/// Demo deals: open deals spread over every pipeline stage (with key persons, next steps and
/// expected close dates), a few won (two with their orders) and lost with their reasons.
enum DemoDeals {
    static let titles = ["年度框架采购", "新厂房设备配套", "ERP 系统升级", "包装材料替换", "Service contract renewal", "华南仓储扩容"]
    static let steps = ["约技术交流", "发送报价单", "安排样品试用", "等待采购审批", "Send the revised proposal"]

    static func fill(_ app: Rapport, admin: Acting) async throws {
        let customers = try await app.customers.list(admin, CustomerQuery(sort: .createdAt, limit: 40)).items
            .filter { $0.ownerID != nil }
        let stages = try await app.dealStages.list(admin)
        guard !stages.isEmpty else { return }
        let today = app.today(for: admin.user)
        var made = 0
        for (index, customer) in customers.enumerated() {
            let people = try await app.contacts.list(admin, of: customer.id).prefix(2).map(\.id)
            let draft = DealDraft(title: titles[index % titles.count], stageID: stages[index % stages.count].id,
                                  amount: Int64(50_000 + (index * 37 % 40) * 25_000) * 100,
                                  expectedCloseOn: .some(today.adding(days: 10 + index * 3 % 80)),
                                  nextStep: steps[index % steps.count], contactIDs: Array(people))
            var deal = try await app.deals.create(admin, customerID: customer.id, draft)
            made += 1
            switch index % 8 {
            case 6:
                deal = try await app.deals.win(admin, deal.id, reason: "方案和交期都优于竞争对手 Better proposal and delivery", version: deal.version)
                if index < 16 { _ = try await app.deals.createOrder(admin, deal.id, version: deal.version) }
            case 7:
                _ = try await app.deals.lose(admin, deal.id, reason: "价格高于竞争对手 15% Price 15% above the competitor", version: deal.version)
            default:
                break
            }
        }
        print("Deals: \(made) across \(stages.count) stages, some won (two with their orders) and lost.")
    }
}
