import Foundation

/// Where an order stands. Cancelled orders keep their lines but count for nothing and take no payments.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case confirmed, fulfilled, cancelled

    /// The statuses an order may move to from this one; a cancelled order stays cancelled.
    public var allowedNext: Set<OrderStatus> {
        switch self {
        case .confirmed: [.fulfilled, .cancelled]
        case .fulfilled: [.confirmed, .cancelled]
        case .cancelled: []
        }
    }
}

/// One line of an order: a product (or a free description), how many, at what price and cost.
public struct OrderLine: Sendable, Codable, Equatable {
    /// 1-based position in the order.
    public var lineNo: Int
    public var productID: ProductID?
    public var description: String
    public var quantity: Double
    /// Price and cost of one unit, in minor units of the order's currency.
    public var unitPrice: Int64
    public var unitCost: Int64
    /// quantity × unit price and quantity × unit cost, rounded to whole minor units.
    public var amount: Int64
    public var costAmount: Int64

    public init(lineNo: Int, productID: ProductID?, description: String, quantity: Double, unitPrice: Int64,
                unitCost: Int64) {
        self.lineNo = lineNo; self.productID = productID; self.description = description; self.quantity = quantity
        self.unitPrice = unitPrice; self.unitCost = unitCost
        self.amount = Self.extend(quantity, unitPrice)
        self.costAmount = Self.extend(quantity, unitCost)
    }

    /// quantity × unit amount in whole minor units (half away from zero).
    public static func extend(_ quantity: Double, _ unit: Int64) -> Int64 {
        let value = (quantity * Double(unit)).rounded()
        guard value.isFinite, abs(value) < 9e15 else { return 0 }
        return Int64(value)
    }
}

/// A sale to a customer (订单): its lines give revenue and cost, so profit is known per order.
public struct Order: Sendable, Codable, Equatable, Identifiable {
    public var id: OrderID
    /// Unique order number, e.g. `SO-20260315-1a2b3c`, or the number from the customer's own system.
    public var number: String
    public var customerID: CustomerID
    /// The salesperson credited with the order (notices about its payments go to them).
    public var repID: UserID?
    /// The won deal the order came from, if any.
    public var dealID: DealID?
    public var orderedOn: CalendarDate
    public var status: OrderStatus
    public var currency: String
    /// Sum of line amounts and line costs, in minor units of `currency`.
    public var revenue: Int64
    public var cost: Int64
    /// revenue − cost (kept in step with the lines).
    public var profit: Int64
    public var note: String
    public var lines: [OrderLine]
    public var createdBy: UserID?
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: OrderID, number: String, customerID: CustomerID, repID: UserID?, dealID: DealID? = nil,
                orderedOn: CalendarDate, status: OrderStatus = .confirmed, currency: String = MinorUnits.defaultCurrency,
                note: String = "", lines: [OrderLine] = [], createdBy: UserID?, createdAt: Date, updatedAt: Date,
                deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.number = number; self.customerID = customerID; self.repID = repID; self.dealID = dealID
        self.orderedOn = orderedOn; self.status = status; self.currency = currency; self.note = note
        self.lines = []; self.revenue = 0; self.cost = 0; self.profit = 0
        self.createdBy = createdBy; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.deletedAt = deletedAt; self.version = version
        setLines(lines)
    }

    /// Replaces the lines and recomputes revenue, cost and profit.
    public mutating func setLines(_ newLines: [OrderLine]) {
        lines = newLines
        revenue = newLines.reduce(0) { $0 &+ $1.amount }
        cost = newLines.reduce(0) { $0 &+ $1.costAmount }
        profit = revenue &- cost
    }

    /// Whether the order counts toward revenue and can take payments.
    public var isLive: Bool { deletedAt == nil && status != .cancelled }

    /// A fresh order number for a day: `SO-YYYYMMDD-` and six hex digits of a new id.
    public static func generatedNumber(on day: CalendarDate, id: OrderID) -> String {
        let digits = String(format: "%04d%02d%02d", day.year, day.month, day.day)
        return "SO-\(digits)-\(id.description.prefix(6))"
    }
}

extension Order: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .order
    public var recordID: String { id.description }

    public var references: [RecordReference] {
        [dealID.map { .deal($0, field: "dealID") }, repID.map { .user($0, field: "repID") }].compactMap { $0 }
            + lines.compactMap { line in line.productID.map { .product($0, field: "lines[\(line.lineNo - 1)].productID") } }
    }
}
