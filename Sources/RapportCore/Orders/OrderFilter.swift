import Foundation

/// Narrows an order listing; every field is optional. Dates are inclusive.
public struct OrderFilter: Sendable, Equatable {
    public var customerID: CustomerID?
    public var repID: UserID?
    public var status: OrderStatus?
    public var from: CalendarDate?
    public var through: CalendarDate?
    /// Soft-deleted orders instead of live ones.
    public var deleted: Bool

    public init(customerID: CustomerID? = nil, repID: UserID? = nil, status: OrderStatus? = nil,
                from: CalendarDate? = nil, through: CalendarDate? = nil, deleted: Bool = false) {
        self.customerID = customerID; self.repID = repID; self.status = status
        self.from = from; self.through = through; self.deleted = deleted
    }
}

/// Sums over the orders a filter selects, per currency (cancelled orders excluded).
public struct OrderTotals: Sendable, Codable, Equatable {
    public var currency: String
    public var count: Int
    public var revenue: Int64
    public var cost: Int64
    public var profit: Int64

    public init(currency: String, count: Int, revenue: Int64, cost: Int64) {
        self.currency = currency; self.count = count; self.revenue = revenue; self.cost = cost
        self.profit = revenue - cost
    }
}
