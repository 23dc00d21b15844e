import Foundation
import RapportApp
import RapportCore

/// Demo orders: a small catalogue in two categories, and orders for the first customers with
/// payment plans in every state (paid, partly paid, pending, overdue).
enum DemoOrders {
    static let catalogue: [(category: Int, code: String, name: String, unit: String, price: Int64, cost: Int64)] = [
        (0, "BOLT-M8", "M8 不锈钢螺栓", "箱", 12_000, 7_000),
        (0, "NUT-M8", "M8 防松螺母", "箱", 4_500, 2_400),
        (0, "VALVE-DN50", "DN50 球阀", "件", 38_000, 21_000),
        (1, "SVC-INSTALL", "上门安装调试", "次", 150_000, 60_000),
        (1, "SVC-ANNUAL", "年度维保服务", "年", 880_000, 300_000),
        (1, "TRAIN-DAY", "Operator training (1 day)", "day", 300_000, 90_000),
    ]

    static func fill(_ app: Rapport, admin: Acting) async throws {
        let categories = [
            try await app.products.createCategory(admin, ProductCategoryDraft(name: "五金配件 Hardware")),
            try await app.products.createCategory(admin, ProductCategoryDraft(name: "服务 Services")),
        ]
        var products: [Product] = []
        for item in catalogue {
            products.append(try await app.products.create(admin, ProductDraft(
                categoryID: .some(categories[item.category].id), code: item.code, name: item.name, unit: item.unit,
                price: item.price, cost: item.cost, termMonths: item.code == "SVC-ANNUAL" ? .some(12) : nil)))
        }
        let customers = try await app.customers.list(admin, CustomerQuery(sort: .createdAt, limit: 12)).items.filter { $0.ownerID != nil }
        let today = app.today(for: admin.user)
        var made = 0
        for (index, customer) in customers.enumerated() {
            let orderedOn = today.adding(days: -(15 + index * 17 % 160))
            let first = products[index % products.count], second = products[(index + 2) % products.count]
            let lines = [OrderLineDraft(productID: first.id, quantity: Double(1 + index % 5), unitPrice: nil),
                         OrderLineDraft(productID: second.id, quantity: Double(1 + index % 3), unitPrice: nil)]
            let revenue = lines.enumerated().reduce(Int64(0)) { sum, item in
                sum + item.element.filled(from: [first, second][item.offset]).line(no: item.offset + 1).amount
            }
            var draft = OrderDraft(orderedOn: orderedOn, repID: customer.ownerID, lines: lines)
            if index % 3 == 1 {
                let half = revenue / 2
                draft.instalments = [InstalmentDraft(amount: revenue - half, dueOn: orderedOn.adding(days: 15), method: .bankTransfer),
                                     InstalmentDraft(amount: half, dueOn: orderedOn.adding(days: 75), method: .alipay)]
            }
            let order = try await app.orders.create(admin, customerID: customer.id, draft)
            made += 1
            let plan = try await app.payments.plan(admin, order.id)
            for instalment in plan.instalments {
                let receivedOn = min(instalment.dueOn, today)
                switch index % 4 {
                case 0: _ = try await app.payments.recordReceipt(admin, order.id, ReceiptDraft(instalmentID: instalment.id, amount: instalment.amount,
                                                                                        receivedOn: receivedOn, reference: "DEMO-\(made)"))
                case 1: _ = try await app.payments.recordReceipt(admin, order.id, ReceiptDraft(instalmentID: instalment.id, amount: instalment.amount / 3,
                                                                                        receivedOn: receivedOn))
                default: break
                }
            }
            if index % 5 == 4 { _ = try await app.orders.update(admin, order.id, OrderDraft(status: .fulfilled), version: order.version) }
        }
        print("Orders: \(products.count) products in \(categories.count) categories, \(made) orders with paid, partly paid and overdue instalments.")
    }
}
