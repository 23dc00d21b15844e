import Foundation
import RapportCore
import Testing

/// Order drafts, line totals and the pure payment-state rule.
@Suite struct OrderRuleTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

    func errors(_ draft: OrderDraft, current: Order? = nil) -> [String] {
        do { try draft.validate(current: current); return [] } catch { return error.errors.map(\.field) }
    }

    @Test func lines_giveRevenueCostAndProfit_roundedToMinorUnits() throws {
        let order = Order(id: OrderID(UUID()), number: "SO-1", customerID: CustomerID(UUID()), repID: nil,
                          orderedOn: try day("2026-03-01"),
                          lines: [OrderLine(lineNo: 1, productID: nil, description: "螺栓", quantity: 2.5, unitPrice: 333, unitCost: 101),
                                  OrderLine(lineNo: 2, productID: nil, description: "运费", quantity: 1, unitPrice: 5_000, unitCost: 0)],
                          createdBy: nil, createdAt: now, updatedAt: now)
        #expect(order.lines[0].amount == 833)
        #expect(order.lines[0].costAmount == 253)
        #expect(order.revenue == 5_833)
        #expect(order.cost == 253)
        #expect(order.profit == 5_580)
    }

    @Test func draft_namesEachBadLineField() {
        let draft = OrderDraft(currency: "rmb", lines: [
            OrderLineDraft(description: "ok", quantity: 1, unitPrice: 100),
            OrderLineDraft(description: " ", quantity: -1, unitPrice: nil, unitCost: -3)])
        #expect(Set(errors(draft)) == ["currency", "lines[1].description", "lines[1].quantity", "lines[1].unitPrice", "lines[1].unitCost"])
        #expect(errors(OrderDraft()) == ["lines"])
        #expect(errors(OrderDraft(number: "SO 1 #", lines: [OrderLineDraft(description: "x", quantity: 1, unitPrice: 1)])) == ["number"])
    }

    @Test func status_cancelledIsFinal() throws {
        var order = Order(id: OrderID(UUID()), number: "SO-1", customerID: CustomerID(UUID()), repID: nil,
                          orderedOn: try day("2026-03-01"), createdBy: nil, createdAt: now, updatedAt: now)
        #expect(errors(OrderDraft(status: .fulfilled), current: order).isEmpty)
        order.status = .cancelled
        #expect(errors(OrderDraft(status: .confirmed), current: order) == ["status"])
    }

    @Test func paymentState_isDecidedByAmountsAndTheDay() throws {
        let due = try day("2026-03-31")
        func state(_ received: Int64, _ today: String, voided: Bool = false) throws -> PaymentState {
            PaymentState.of(amount: 1_000, received: received, dueOn: due, voided: voided, today: try day(today))
        }
        #expect(try state(0, "2026-03-31") == .pending)
        #expect(try state(400, "2026-03-31") == .partial)
        #expect(try state(1_000, "2026-04-30") == .paid)
        #expect(try state(0, "2026-04-01") == .overdue)
        #expect(try state(400, "2026-04-01") == .overdue)
        #expect(try state(1_000, "2026-04-01", voided: true) == .void)
    }

    @Test func plan_mustAddUpToTheRevenue_andDefaultsToOneInstalmentIn30Days() throws {
        let ordered = try day("2026-03-01")
        let plan = InstalmentDraft.defaultPlan(revenue: 9_900, orderedOn: ordered)
        #expect(plan.count == 1)
        #expect(plan[0].dueOn == (try day("2026-03-31")))
        #expect(plan[0].method == .bankTransfer)
        #expect(plan[0].remindDays == 3)
        #expect(throws: Never.self) { try InstalmentDraft.validate(plan, revenue: 9_900) }
        let short = [InstalmentDraft(amount: 100, dueOn: ordered)]
        #expect(throws: ValidationFailed(errors: [FieldError("instalments", .sumMismatch, detail: "99.00")])) {
            try InstalmentDraft.validate(short, revenue: 9_900)
        }
        let bad = [InstalmentDraft(amount: 0, dueOn: ordered, remindDays: 400)]
        #expect(throws: ValidationFailed(errors: [FieldError("instalments[0].amount", .invalid),
                                                  FieldError("instalments[0].remindDays", .invalid)])) {
            try InstalmentDraft.validate(bad, revenue: 9_900)
        }
    }

    @Test func receipt_overpaymentIsRefusedNamingTheAmount() throws {
        let today = try day("2026-03-10")
        #expect(throws: ValidationFailed(errors: [FieldError("amount", .exceedsOutstanding, detail: "5.00")])) {
            try ReceiptDraft(amount: 501).validate(outstanding: 500, today: today)
        }
        #expect(throws: Never.self) { try ReceiptDraft(amount: 500).validate(outstanding: 500, today: today) }
        #expect(throws: ValidationFailed.self) {
            try ReceiptDraft(amount: 1, receivedOn: try day("2026-03-11")).validate(outstanding: 500, today: today)
        }
    }
}
