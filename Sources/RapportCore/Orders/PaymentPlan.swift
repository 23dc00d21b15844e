import Foundation

/// An order's payment plan as of a day: its instalments (states decided for `today`), the
/// receipts against it, and what is received, outstanding and overdue.
public struct PaymentPlan: Sendable, Codable, Equatable {
    public var orderID: OrderID
    public var currency: String
    public var revenue: Int64
    public var received: Int64
    public var outstanding: Int64
    /// The part of `outstanding` past its due date.
    public var overdue: Int64
    public var instalments: [PaymentInstalment]
    public var receipts: [PaymentReceipt]

    public init(order: Order, instalments: [PaymentInstalment], receipts: [PaymentReceipt], today: CalendarDate) {
        let refreshed = instalments.map { $0.refreshed(today: today) }
        orderID = order.id
        currency = order.currency
        revenue = order.revenue
        received = receipts.filter { $0.voidedAt == nil }.reduce(0) { $0 + $1.amount }
        outstanding = refreshed.reduce(0) { $0 + $1.outstanding }
        overdue = refreshed.filter { $0.state == .overdue }.reduce(0) { $0 + $1.outstanding }
        self.instalments = refreshed
        self.receipts = receipts
    }

    /// Whether any receipt still counts (then lines and the plan may no longer be replaced).
    public var hasLiveReceipts: Bool { receipts.contains { $0.voidedAt == nil } }
}
