import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore
@testable import RapportStore

/// Orders (订单) and payment collection (回款): visible through their customer, lines give revenue
/// and profit, a default one-instalment plan, receipts move instalments pending → partial → paid,
/// over-payment and bad input are refused naming the field, and the catalogue is admin-only to write.
@Suite struct OrderAPITests {
    typealias J = [String: any Sendable]

    @Test(arguments: TestEngine.available)
    func order_getsTotalsAndADefaultPlan_andIsHiddenFromOtherReps(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let product = try await api.call(client, .post, "/api/v1/products", as: "admin",
                                             json: ["code": "BOLT-M8", "name": "M8 螺栓", "unit": "箱", "price": 12_000, "cost": 7_000])
            #expect(product.status == 201)
            let productID = try #require(product.string("id"))
            let ordered = api.today(plus: -2)
            let created = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice", json: [
                "orderedOn": ordered.description,
                "lines": [["productID": productID, "quantity": 10] as J, ["description": "运费", "quantity": 1, "unitPrice": 5_000] as J],
            ])
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.string("id"))
            #expect(created.headers[.location] == "/api/v1/orders/\(id)")
            #expect(created.json["revenue"] as? Int == 125_000)
            #expect(created.json["cost"] as? Int == 70_000)
            #expect(created.json["profit"] as? Int == 55_000)
            #expect(created.string("repID") == api.world.alice.id.description)
            #expect(created.string("status") == "confirmed")
            #expect(created.string("number")?.hasPrefix("SO-") == true)
            let lines = (created.json["lines"] as? [[String: any Sendable]]) ?? []
            #expect(lines.first?["description"] as? String == "M8 螺栓")

            let plan = try await api.call(client, .get, "/api/v1/orders/\(id)/payment-plan", as: "alice")
            let instalments = (plan.json["instalments"] as? [[String: any Sendable]]) ?? []
            #expect(instalments.count == 1)
            #expect(instalments.first?["amount"] as? Int == 125_000)
            #expect(instalments.first?["dueOn"] as? String == ordered.adding(days: 30).description)
            #expect(instalments.first?["remindOn"] as? String == ordered.adding(days: 27).description)
            #expect(instalments.first?["method"] as? String == "bankTransfer")
            #expect(instalments.first?["state"] as? String == "pending")

            // Carol (West) cannot see Alice's customer, so neither its orders.
            #expect(try await api.call(client, .get, "/api/v1/orders/\(id)", as: "carol").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/orders/\(id)/payment-plan", as: "carol").status == 404)
            #expect(try await api.call(client, .post, "/api/v1/orders/\(id)/receipts", as: "carol", json: ["amount": 100] as J).status == 404)
            #expect(try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "carol",
                                       json: ["lines": [["description": "x", "quantity": 1, "unitPrice": 1] as J]]).status == 404)
            #expect(try await api.call(client, .get, "/api/v1/orders", as: "carol").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/orders", as: "carol").status == 404)
            // Mia manages alice's team: she sees it; the list carries totals.
            let list = try await api.call(client, .get, "/api/v1/orders?rep=\(api.world.alice.id)", as: "mia")
            #expect(list.items.compactMap { $0["id"] as? String } == [id])
            let totals = (list.json["totals"] as? [[String: any Sendable]]) ?? []
            #expect(totals.first?["revenue"] as? Int == 125_000)
            #expect(totals.first?["profit"] as? Int == 55_000)
            let future = try await api.call(client, .get, "/api/v1/orders?from=\(api.today(plus: 1))", as: "alice")
            #expect(future.items.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func badInput_isRefusedNamingTheField_andNumbersAreUnique(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Blue Harbor Foods", as: "alice")["id"] as? String)
            let uri = "/api/v1/customers/\(customer)/orders"
            let noLines = try await api.call(client, .post, uri, as: "alice", json: ["note": "x"])
            #expect(noLines.status == 422)
            #expect(noLines.errorFields == ["lines"])
            let badLine = try await api.call(client, .post, uri, as: "alice", json: [
                "lines": [["description": "ok", "quantity": 1, "unitPrice": 100] as J, ["description": "", "quantity": 0, "unitPrice": -1] as J]])
            #expect(badLine.status == 422)
            #expect(Set(badLine.errorFields) == ["lines[1].description", "lines[1].quantity", "lines[1].unitPrice"])
            let badPlan = try await api.call(client, .post, uri, as: "alice", json: [
                "lines": [["description": "Crates", "quantity": 2, "unitPrice": 1_000] as J],
                "instalments": [["amount": 500, "dueOn": api.today(plus: 10).description] as J]])
            #expect(badPlan.status == 422)
            #expect(badPlan.errorFields == ["instalments"])
            let unknownProduct = try await api.call(client, .post, uri, as: "alice", json: [
                "lines": [["productID": UUID().uuidString.lowercased(), "quantity": 1] as J]])
            #expect(unknownProduct.errorFields == ["lines[0].productID"])
            let badDate = try await api.call(client, .post, uri, as: "alice", json: [
                "orderedOn": "2026-02-30", "lines": [["description": "Crates", "quantity": 1, "unitPrice": 1] as J]])
            #expect(badDate.status == 400)
            #expect(badDate.errorFields == ["orderedOn"])
            let first = try await api.call(client, .post, uri, as: "alice", json: [
                "number": "PO-7781", "lines": [["description": "Crates", "quantity": 1, "unitPrice": 1_000] as J]])
            #expect(first.status == 201)
            let clash = try await api.call(client, .post, uri, as: "alice", json: [
                "number": "PO-7781", "lines": [["description": "Crates", "quantity": 1, "unitPrice": 1_000] as J]])
            #expect(clash.status == 422)
            #expect(clash.errorFields == ["number"])
            // Two instalments that add up are fine; the rep cannot credit a colleague.
            let split = try await api.call(client, .post, uri, as: "alice", json: [
                "lines": [["description": "Crates", "quantity": 2, "unitPrice": 1_000] as J],
                "instalments": [["amount": 500, "dueOn": api.today(plus: 10).description, "method": "alipay"] as J,
                                ["amount": 1_500, "dueOn": api.today(plus: 40).description] as J]])
            #expect(split.status == 201)
            let colleague = try await api.call(client, .post, uri, as: "alice", json: [
                "repID": api.world.bob.id.description, "lines": [["description": "Crates", "quantity": 1, "unitPrice": 1] as J]])
            #expect(colleague.status == 403)
        }
    }

    @Test(arguments: TestEngine.available)
    func receipts_moveStatesPendingPartialPaid_andOverpaymentIsRefused(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "杭州云栖贸易", as: "alice")["id"] as? String)
            let order = try await api.call(client, .post, "/api/v1/orders", as: "alice", json: [
                "customerID": customer, "lines": [["description": "年度服务", "quantity": 1, "unitPrice": 100_000, "unitCost": 40_000] as J]])
            let id = try #require(order.string("id"))
            func state(_ reply: Reply) -> String? {
                ((reply.json["instalments"] as? [[String: any Sendable]])?.first)?["state"] as? String
            }
            let part = try await api.call(client, .post, "/api/v1/orders/\(id)/receipts", as: "alice",
                                          json: ["amount": 30_000, "reference": "BANK-1"] as J)
            #expect(part.status == 201, "\(part.text)")
            #expect(state(part) == "partial")
            #expect(part.json["received"] as? Int == 30_000)
            #expect(part.json["outstanding"] as? Int == 70_000)
            let over = try await api.call(client, .post, "/api/v1/orders/\(id)/receipts", as: "alice", json: ["amount": 80_000] as J)
            #expect(over.status == 422)
            #expect(over.errorFields == ["amount"])
            // With a receipt counting, lines and the plan are fixed.
            let relines = try await api.call(client, .patch, "/api/v1/orders/\(id)", as: "alice",
                                              json: ["lines": [["description": "x", "quantity": 1, "unitPrice": 1] as J], "version": 1])
            #expect(relines.errorFields == ["lines"])
            let rest = try await api.call(client, .post, "/api/v1/orders/\(id)/receipts", as: "alice", json: ["amount": 70_000] as J)
            #expect(state(rest) == "paid")
            #expect(rest.json["outstanding"] as? Int == 0)
            let receipts = (rest.json["receipts"] as? [[String: any Sendable]]) ?? []
            let firstReceipt = try #require(receipts.first?["id"] as? String)
            #expect(try await api.call(client, .post, "/api/v1/receipts/\(firstReceipt)/void", as: "carol").status == 404)
            let voided = try await api.call(client, .post, "/api/v1/receipts/\(firstReceipt)/void", as: "alice")
            #expect(voided.status == 200)
            #expect(state(voided) == "partial")
            #expect(voided.json["outstanding"] as? Int == 30_000)
            // Cancelling needs the receipts voided; then the plan is void.
            let cancel = try await api.call(client, .post, "/api/v1/orders/\(id)/cancel", as: "alice")
            #expect(cancel.errorFields == ["status"])
            let second = try #require(receipts.last?["id"] as? String)
            _ = try await api.call(client, .post, "/api/v1/receipts/\(second)/void", as: "alice")
            let cancelled = try await api.call(client, .post, "/api/v1/orders/\(id)/cancel", as: "alice")
            #expect(cancelled.string("status") == "cancelled")
            let plan = try await api.call(client, .get, "/api/v1/orders/\(id)/payment-plan", as: "alice")
            #expect(state(plan) == "void")
            #expect(try await api.call(client, .post, "/api/v1/orders/\(id)/receipts", as: "alice", json: ["amount": 1] as J).status == 403)
            // Delete and undo.
            let deleted = try await api.call(client, .delete, "/api/v1/orders/\(id)", as: "alice")
            #expect(deleted.string("deletedAt") != nil)
            #expect(try await api.call(client, .get, "/api/v1/orders", as: "alice").items.isEmpty)
            let restored = try await api.call(client, .post, "/api/v1/orders/\(id)/restore", as: "alice")
            #expect(restored.json["deletedAt"] == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func overdue_isDecidedByTheClock_andTheRepIsRemindedOnce(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Lakeside Tools", as: "alice")["id"] as? String)
            let order = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice", json: [
                "lines": [["description": "Drills", "quantity": 4, "unitPrice": 25_000] as J],
                "instalments": [["amount": 100_000, "dueOn": api.today(plus: 10).description, "remindDays": 2] as J]])
            let id = try #require(order.string("id"))
            let plan = try await api.call(client, .put, "/api/v1/orders/\(id)/payment-plan", as: "alice", json: [
                "instalments": [["amount": 40_000, "dueOn": api.today(plus: 5).description, "remindDays": 2] as J,
                                ["amount": 60_000, "dueOn": api.today(plus: 10).description] as J]])
            #expect(plan.status == 200, "\(plan.text)")
            let wrongSum = try await api.call(client, .put, "/api/v1/orders/\(id)/payment-plan", as: "alice", json: [
                "instalments": [["amount": 40_000, "dueOn": api.today(plus: 5).description] as J]])
            #expect(wrongSum.errorFields == ["instalments"])
            #expect(try await api.world.app.background.sendPaymentReminders() == 0)
            #expect(try await api.call(client, .get, "/api/v1/payments/due?overdue=true", as: "alice").items.isEmpty)
            // Reminder day of the first instalment (3 days from now).
            api.setClock(to: APIHarness.noon(api.today(plus: 3)))
            #expect(try await api.world.app.background.sendPaymentReminders() == 1)
            #expect(try await api.world.app.background.sendPaymentReminders() == 0)
            let notices = try await api.call(client, .get, "/api/v1/notices", as: "alice").items
            #expect(notices.compactMap { $0["kind"] as? String } == ["paymentDue"])
            // Past its due date: overdue in the plan, the due list and one more notice.
            api.setClock(to: APIHarness.noon(api.today(plus: 3)))
            let overduePlan = try await api.call(client, .get, "/api/v1/orders/\(id)/payment-plan", as: "alice")
            let states = ((overduePlan.json["instalments"] as? [[String: any Sendable]]) ?? []).compactMap { $0["state"] as? String }
            #expect(states == ["overdue", "pending"])
            #expect(overduePlan.json["overdue"] as? Int == 40_000)
            let due = try await api.call(client, .get, "/api/v1/payments/due?overdue=true", as: "mia")
            #expect(due.items.count == 1)
            #expect(due.items.first?["customerName"] as? String == "Lakeside Tools")
            #expect(try await api.call(client, .get, "/api/v1/payments/due", as: "carol").items.isEmpty)
            #expect(try await api.world.app.background.sendPaymentReminders() >= 1)
            let kinds = try await api.call(client, .get, "/api/v1/notices", as: "alice").items.compactMap { $0["kind"] as? String }
            #expect(kinds.contains("paymentOverdue"))
            #expect(try await api.call(client, .get, "/api/v1/notices", as: "carol").items.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func catalogue_isReadByAll_andWrittenByAdminsOnly(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let category = try await api.call(client, .post, "/api/v1/product-categories", as: "admin", json: ["name": "紧固件"])
            #expect(category.status == 201)
            let categoryID = try #require(category.string("id"))
            #expect(try await api.call(client, .post, "/api/v1/product-categories", as: "alice", json: ["name": "x"]).status == 403)
            let product = try await api.call(client, .post, "/api/v1/products", as: "admin",
                                             json: ["code": "NUT-M8", "name": "M8 螺母", "price": 300, "categoryID": categoryID])
            let id = try #require(product.string("id"))
            #expect(try await api.call(client, .post, "/api/v1/products", as: "alice",
                                       json: ["code": "X", "name": "X", "price": 1]).status == 403)
            #expect(try await api.call(client, .patch, "/api/v1/products/\(id)", as: "alice",
                                       json: ["price": 1, "version": 1]).status == 403)
            let dup = try await api.call(client, .post, "/api/v1/products", as: "admin", json: ["code": "NUT-M8", "name": "Y", "price": 1])
            #expect(dup.errorFields == ["code"])
            let bad = try await api.call(client, .post, "/api/v1/products", as: "admin", json: ["code": "A", "name": "", "price": -5])
            #expect(Set(bad.errorFields) == ["name", "price"])
            #expect(try await api.call(client, .get, "/api/v1/products?q=m8", as: "carol").items.count == 1)
            let off = try await api.call(client, .patch, "/api/v1/products/\(id)", as: "admin", json: ["active": false, "version": 1])
            #expect(off.json["active"] as? Bool == false)
            #expect(try await api.call(client, .get, "/api/v1/products?active=true", as: "alice").items.isEmpty)
            let customer = try #require(try await api.customer(client, "Harbor Nuts", as: "alice")["id"] as? String)
            let inactive = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice",
                                              json: ["lines": [["productID": id, "quantity": 1] as J]])
            #expect(inactive.errorFields == ["lines[0].productID"])
            #expect(try await api.call(client, .get, "/api/v1/product-categories", as: "bob").items.count == 1)
            let usd = try #require(try await api.call(client, .post, "/api/v1/products", as: "admin",
                                                      json: ["code": "SVC-US", "name": "Support", "price": 10_000, "currency": "USD"]).string("id"))
            let mixed = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice",
                                           json: ["currency": "CNY", "lines": [["productID": usd, "quantity": 1] as J]])
            #expect(mixed.errorFields == ["lines[0].productID"])
            let dollars = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice",
                                             json: ["lines": [["productID": usd, "quantity": 2] as J]])
            #expect(dollars.string("currency") == "USD")
            #expect(dollars.json["revenue"] as? Int == 20_000)
        }
    }

    @Test(arguments: TestEngine.available)
    func importReport_listsRejectedRows_andKeepsGoodOrders(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            _ = try await api.customer(client, "宁波金桥五金有限公司", as: "alice")
            _ = try await api.customer(client, "卡罗尔的客户", as: "carol")
            _ = try await api.call(client, .post, "/api/v1/products", as: "admin",
                                   json: ["code": "BOLT-M8", "name": "M8 螺栓", "price": 12_000, "cost": 7_000])
            let csv = """
                订单号,客户名称,订单日期,产品编码,品名,数量,单价,单位成本,销售代表,状态
                IMP-1,宁波金桥五金有限公司,2026-03-01,BOLT-M8,,10,,,alice,已确认
                IMP-1,宁波金桥五金有限公司,2026-03-01,,运费,1,50.00,0,alice,已确认
                IMP-2,卡罗尔的客户,2026-03-02,BOLT-M8,,1,,,,
                IMP-3,宁波金桥五金有限公司,2026-03-03,BOLT-M8,,2,,,,
                IMP-3,宁波金桥五金有限公司,2026-03-03,NOPE,,2,,,,
                """
            let dry = try await api.call(client, .post, "/api/v1/orders/import?fileName=o.csv&dryRun=true", as: "alice",
                                         raw: Data(csv.utf8), contentType: "text/csv")
            #expect(dry.status == 200, "\(dry.text)")
            #expect(dry.json["imported"] as? Int == 2)
            #expect(try await api.call(client, .get, "/api/v1/orders", as: "alice").items.isEmpty)
            let report = try await api.call(client, .post, "/api/v1/orders/import?fileName=o.csv", as: "alice",
                                            raw: Data(csv.utf8), contentType: "text/csv")
            #expect(report.json["imported"] as? Int == 2)
            let rejected = (report.json["rejected"] as? [[String: any Sendable]]) ?? []
            #expect(rejected.compactMap { $0["line"] as? Int } == [4, 5, 6])
            let reasons = rejected.map { (($0["errors"] as? [[String: any Sendable]]) ?? []).compactMap { $0["field"] as? String } }
            #expect(reasons == [["customer"], ["number"], ["productCode"]])
            let orders = try await api.call(client, .get, "/api/v1/orders", as: "alice").items
            #expect(orders.compactMap { $0["number"] as? String } == ["IMP-1"])
            #expect(orders.first?["revenue"] as? Int == 125_000)
            #expect(orders.first?["orderedOn"] as? String == "2026-03-01")
            let again = try await api.call(client, .post, "/api/v1/orders/import?fileName=o.csv", as: "alice",
                                           raw: Data(csv.utf8), contentType: "text/csv")
            #expect(again.json["imported"] as? Int == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func list_isPagedNewestFirst_andFiltersByStatusDateAndRep(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "Paging Foods", as: "alice")["id"] as? String)
            let other = try #require(try await api.customer(client, "Bob Foods", as: "bob")["id"] as? String)
            var ids: [String] = []
            for back in [30, 20, 10, 10] {
                let reply = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice", json: [
                    "orderedOn": api.today(plus: -back).description,
                    "lines": [["description": "Crates", "quantity": 1, "unitPrice": 1_000] as J]])
                ids.append(try #require(reply.string("id")))
            }
            _ = try await api.call(client, .post, "/api/v1/customers/\(other)/orders", as: "bob", json: [
                "lines": [["description": "Crates", "quantity": 1, "unitPrice": 7] as J]])
            _ = try await api.call(client, .post, "/api/v1/orders/\(ids[0])/cancel", as: "alice")
            var seen: [String] = []
            var uri = "/api/v1/orders?limit=2"
            while true {
                let page = try await api.call(client, .get, uri, as: "alice")
                seen += page.items.compactMap { $0["id"] as? String }
                guard let next = page.string("nextCursor") else { break }
                uri = "/api/v1/orders?limit=2&cursor=\(next)"
            }
            #expect(seen.count == 4)
            #expect(Set(seen) == Set(ids))
            #expect(seen.last == ids[0])
            let cancelled = try await api.call(client, .get, "/api/v1/orders?status=cancelled", as: "alice")
            #expect(cancelled.items.compactMap { $0["id"] as? String } == [ids[0]])
            let window = try await api.call(client, .get,
                                            "/api/v1/orders?from=\(api.today(plus: -25))&through=\(api.today(plus: -15))", as: "alice")
            #expect(window.items.compactMap { $0["id"] as? String } == [ids[1]])
            let totals = (try await api.call(client, .get, "/api/v1/orders", as: "mia").json["totals"] as? [[String: any Sendable]]) ?? []
            #expect(totals.first?["count"] as? Int == 4)
            #expect(totals.first?["revenue"] as? Int == 3_007)
            let mine = try await api.call(client, .get, "/api/v1/orders?rep=me", as: "bob")
            #expect(mine.items.count == 1)
            #expect(try await api.call(client, .get, "/api/v1/orders?rep=nobody", as: "bob").status == 400)
        }
    }
}

extension OrderAPITests {
    /// A large import is written in batches; each order still gets what one created by hand gets —
    /// its payment plan, its customer's lifecycle stage and status, its audit line — and each row
    /// the batch cannot take is reported on its own line.
    @Test(arguments: TestEngine.available)
    func bigImport_writesInBatches_likeOrdersCreatedOneByOne(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let batched = try #require(try await api.customer(client, "批量订单客户", as: "alice")["id"] as? String)
            let single = try #require(try await api.customer(client, "单笔订单客户", as: "alice")["id"] as? String)
            let fresh = try #require(try await api.customer(client, "新批量客户", as: "alice")["id"] as? String)
            let byHand = try await api.call(client, .post, "/api/v1/customers/\(single)/orders", as: "alice", json: [
                "number": "HAND-1", "orderedOn": "2026-03-01", "lines": [["description": "年度服务", "quantity": 1, "unitPrice": 100_000] as J]])
            #expect(byHand.status == 201)
            var rows = (0..<205).map { "BATCH-\($0),批量订单客户,2026-03-0\($0 % 9 + 1),年度服务,1,1000,alice," }
            rows.append("HAND-1,批量订单客户,2026-03-01,年度服务,1,1000,alice,")   // number taken
            rows.append("BATCH-BOB,批量订单客户,2026-03-01,年度服务,1,1000,bob,")  // a rep may not credit bob
            rows.append("BATCH-X,不存在的客户,2026-03-01,年度服务,1,1000,alice,")  // unknown customer
            rows.append("BATCH-C,批量订单客户,2026-03-01,年度服务,1,1000,alice,已取消")
            rows.append("BATCH-NEW,新批量客户,2026-03-05,年度服务,1,1000,alice,")
            let csv = "订单号,客户名称,订单日期,品名,数量,单价,销售代表,状态\n" + rows.joined(separator: "\n")
            let report = try await api.call(client, .post, "/api/v1/orders/import?fileName=big.csv", as: "alice",
                                            raw: Data(csv.utf8), contentType: "text/csv")
            #expect(report.status == 200, "\(report.text)")
            #expect(report.json["imported"] as? Int == 207)
            let rejected = (report.json["rejected"] as? [[String: any Sendable]]) ?? []
            #expect(rejected.compactMap { $0["line"] as? Int } == [207, 208, 209])
            let fields = rejected.map { (($0["errors"] as? [[String: any Sendable]]) ?? []).compactMap { $0["field"] as? String } }
            #expect(fields == [["number"], ["rep"], ["customer"]])

            let filter = OrderFilter(customerID: try #require(CustomerID(batched)))
            let first = try await api.world.app.orders.search(api.world.alice, filter, limit: 200)
            let rest = try await api.world.app.orders.search(api.world.alice, filter, limit: 200,
                                                              cursor: try #require(first.nextCursor.flatMap(PageCursor.init(token:))))
            let listed = first.items + rest.items
            #expect(listed.count == 206)
            #expect(listed.first { $0.number == "BATCH-C" }?.status == .cancelled)
            for order in listed where order.number.hasPrefix("BATCH-20") {
                let plan = try await api.call(client, .get, "/api/v1/orders/\(order.id)/payment-plan", as: "alice")
                let instalments = (plan.json["instalments"] as? [[String: any Sendable]]) ?? []
                #expect(instalments.count == 1 && instalments.first?["amount"] as? Int == 100_000, "\(plan.text)")
                let audit = try await api.world.db.store.systemRead(.command("test")) {
                    try await $0.catalog.audit(entity: "order", entityID: order.id.description)
                }
                #expect(audit.map(\.action) == [.create])
            }
            // Customers given orders by the batch have the status of one given an order by hand.
            let byHandStatus = try await api.call(client, .get, "/api/v1/customers/\(single)", as: "alice").json["status"] as? String
            for id in [batched, fresh] {
                let status = try await api.call(client, .get, "/api/v1/customers/\(id)", as: "alice").json["status"] as? String
                #expect(status != nil && status == byHandStatus, "\(status ?? "nil") vs \(byHandStatus ?? "nil")")
            }
            func stage(_ id: String) async throws -> String? {
                let view = try await api.call(client, .get, "/api/v1/customers/\(id)/lifecycle", as: "alice")
                return (view.json["lifecycle"] as? [String: any Sendable])?["stage"] as? String
            }
            // Repeat orders over the days of March: a repeat buyer, as the nightly recount also finds.
            #expect(try await stage(batched) == "repeatBuyer")
            #expect(try await stage(single) == "firstPurchase")
            #expect(try await stage(fresh) == "firstPurchase")
            #expect(try await api.world.app.background.recomputeAllLifecycles().changed == 0)
        }
    }
}
