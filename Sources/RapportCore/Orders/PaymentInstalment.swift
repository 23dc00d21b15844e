import Foundation

public typealias PaymentInstalmentID = Identifier<PaymentInstalment>

/// How a customer pays.
public enum PaymentMethod: String, Sendable, Codable, CaseIterable {
    case bankTransfer, cash, cheque, card, alipay, wechatPay, other
}

/// Where an instalment stands. `overdue` depends on the day, so it is decided by `PaymentState.of`.
public enum PaymentState: String, Sendable, Codable, CaseIterable {
    case pending, partial, paid, overdue, void

    /// The state of an instalment of `amount` with `received` so far, due on `dueOn`, on `today`:
    /// void orders' instalments are void; fully received is paid; past due and not fully received
    /// is overdue; some received is partial; else pending.
    public static func of(amount: Int64, received: Int64, dueOn: CalendarDate, voided: Bool,
                          today: CalendarDate) -> PaymentState {
        if voided { return .void }
        if received >= amount { return .paid }
        if dueOn < today { return .overdue }
        return received > 0 ? .partial : .pending
    }

    /// Still expecting money.
    public var isOpen: Bool { self == .pending || self == .partial || self == .overdue }
}

/// One part of an order's payment plan (回款计划): how much, by when, how, and when to remind the rep.
public struct PaymentInstalment: Sendable, Codable, Equatable, Identifiable {
    public var id: PaymentInstalmentID
    public var orderID: OrderID
    public var customerID: CustomerID
    /// 1-based position in the plan.
    public var seq: Int
    public var amount: Int64
    /// Sum of the receipts against it that are not voided.
    public var received: Int64
    public var dueOn: CalendarDate
    public var method: PaymentMethod
    /// Days before `dueOn` on which the rep is reminded (`remindOn`).
    public var remindDays: Int
    public var remindOn: CalendarDate
    public var state: PaymentState
    public var note: String
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(id: PaymentInstalmentID, orderID: OrderID, customerID: CustomerID, seq: Int, amount: Int64,
                received: Int64 = 0, dueOn: CalendarDate, method: PaymentMethod, remindDays: Int,
                state: PaymentState = .pending, note: String = "", createdAt: Date, updatedAt: Date, version: Int = 1) {
        self.id = id; self.orderID = orderID; self.customerID = customerID; self.seq = seq; self.amount = amount
        self.received = received; self.dueOn = dueOn; self.method = method; self.remindDays = remindDays
        self.remindOn = dueOn.adding(days: -remindDays); self.state = state; self.note = note
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.version = version
    }

    /// Amount still expected (never negative).
    public var outstanding: Int64 { state == .void ? 0 : max(0, amount - received) }

    /// This instalment with its state decided for `today`.
    public func refreshed(today: CalendarDate) -> PaymentInstalment {
        var copy = self
        copy.state = PaymentState.of(amount: amount, received: received, dueOn: dueOn, voided: state == .void, today: today)
        return copy
    }
}
