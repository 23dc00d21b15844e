import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport demo`: fills an empty database with a realistic team and customers.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty database with demo data: two teams, managers and reps, Chinese and English customers, key persons and activities.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Customers to create") var customers: Int = 120

    func run() async throws {
        try await Runtime.with(common, allowMigrate: true, logger: try common.logger()) { app in
            guard try await !app.operations.hasCustomers() else {
                throw CommandError("the database already has customers; demo data goes into an empty one")
            }
            do {
                try await fill(app)
            } catch let error as ValidationError {
                throw error
            } catch {
                throw Runtime.fail(error)
            }
        }
    }

    private func fill(_ app: Rapport) async throws {
        try await AdminBootstrap.run(app, interactive: false)
        let admin = try await Runtime.acting(app, as: nil)
        var rng = SeededGenerator(seed: 20261126)
        let people: [(String, String, Role, Int)] = [
            ("wang.li", "王丽", .manager, 0), ("zhang.wei", "张伟", .rep, 0), ("chen.jing", "陈静", .rep, 0),
            ("emma", "Emma Clark", .manager, 1), ("liam", "Liam Turner", .rep, 1), ("li.na", "李娜", .rep, 1),
        ]
        var teamIDs: [TeamID] = []
        for name in ["华东销售部", "International Sales"] {
            teamIDs.append(try await app.teams.create(admin, name: name, managerID: nil).id)
        }
        var reps: [Acting] = []
        var signIns: [[String]] = []
        for (username, display, role, team) in people {
            let created = try await app.accounts.create(admin, NewUser(username: username, displayName: display, role: role, teamID: teamIDs[team]))
            signIns.append([username, role.rawValue, display, created.oneTimePassword ?? ""])
            if role == .manager {
                let current = try await app.teams.get(admin, teamIDs[team])
                _ = try await app.teams.update(admin, teamIDs[team], name: nil, managerID: .some(created.user.id), version: current.version)
            }
            reps.append(try await app.acting(created.user))
        }
        print("Demo users — sign in with these one-time passwords and choose a new one:")
        Console.table(["USERNAME", "ROLE", "NAME", "ONE-TIME PASSWORD"], signIns)
        var made = 0
        while made < customers {
            let owner = reps[Int(rng.next() % UInt64(reps.count))]
            var draft = CustomerDraft(name: DemoData.companyName(&rng), kind: rng.next() % 10 == 0 ? .government : .enterprise,
                                      size: .some(DemoData.pick(EnterpriseSize.allCases, &rng)),
                                      industry: DemoData.pick(DemoData.industries, &rng), region: DemoData.pick(DemoData.regions, &rng),
                                      source: DemoData.pick(DemoData.sources, &rng), tags: [DemoData.pick(["重点", "VIP", "新客户", "续约"], &rng)],
                                      status: DemoData.pick(CustomerStatus.allCases, &rng), phone: "0571-" + String(8_000_0000 + made))
            draft.profile = ["needs": "每季度采购\(DemoData.pick(DemoData.businessWords, &rng))相关产品，旺季在三月和九月。",
                             "credit": rng.next() % 4 == 0 ? "曾有一次延期付款" : "按时付款"]
            let customer: Customer
            do {
                customer = try await app.customers.create(owner, draft)
            } catch AppError.duplicate {
                continue
            }
            made += 1
            var boss: ContactID?
            var people: [ContactID] = []
            let english = DemoData.isEnglish(customer.name)
            for index in 0..<(2 + Int(rng.next() % 2)) {
                let contact = try await app.contacts.create(owner, customerID: customer.id, ContactDraft(
                    name: DemoData.personName(&rng, english: english),
                    department: DemoData.pick(english ? DemoData.englishDepartments : DemoData.departments, &rng),
                    title: index == 0 ? (english ? "General Manager" : "总经理")
                        : DemoData.pick(english ? DemoData.englishTitles : DemoData.titles, &rng),
                    phone: DemoData.mobile(&rng),
                    interests: DemoData.pick(english ? DemoData.englishInterests : ["钓鱼", "茶道", "羽毛球", "摄影", "马拉松"], &rng),
                    painPoints: DemoData.pick(english ? DemoData.englishPainPoints : ["交期不稳定", "价格压力大", "售后响应慢", "质量波动"], &rng),
                    influence: .some(index == 0 ? .high : .medium), involvement: .some(index == 0 ? 1 : 3),
                    isCoach: index == 1, reportsToID: .some(boss)), allowDuplicate: true)
                if index == 0 { boss = contact.id }
                people.append(contact.id)
            }
            try await DemoRelationships.fill(app, owner: owner, customer: customer, people: people, rng: &rng)
            for day in 0..<(3 + Int(rng.next() % 5)) {
                _ = try await app.activities.log(owner, customerID: customer.id, ActivityDraft(
                    channel: DemoData.pick([.phone, .wechat, .visit, .email, .meeting], &rng),
                    purpose: DemoData.pick(english ? DemoData.englishPurposes : DemoData.purposes, &rng),
                    outcome: DemoData.pick(english ? DemoData.englishOutcomes : DemoData.outcomes, &rng),
                    occurredAt: Date().addingTimeInterval(-Double(day * 6 + Int(rng.next() % 5)) * 86_400)))
            }
        }
        print("Created \(made) customers with key persons, activities, promises, care dates and personalities.")
        try await DemoLifecycle.fill(app, admin: admin)
        try await DemoOrders.fill(app, admin: admin)
        try await DemoDeals.fill(app, admin: admin)
        try await DemoSubscriptions.fill(app, admin: admin)
        try await DemoPool.fill(app, admin: admin)
        try await DemoHistory.fill(app, admin: admin, rng: &rng)
    }
}
