import Foundation

public typealias PaymentReceiptID = Identifier<PaymentReceipt>

/// Money received against an order (回款), usually against one instalment. Voided receipts stay
/// on record but count for nothing.
public struct PaymentReceipt: Sendable, Codable, Equatable, Identifiable {
    public var id: PaymentReceiptID
    public var orderID: OrderID
    public var instalmentID: PaymentInstalmentID?
    public var amount: Int64
    public var receivedOn: CalendarDate
    public var method: PaymentMethod
    /// The bank or voucher reference.
    public var reference: String
    public var recordedBy: UserID?
    public var createdAt: Date
    public var voidedAt: Date?
    public var voidedBy: UserID?

    public init(id: PaymentReceiptID, orderID: OrderID, instalmentID: PaymentInstalmentID?, amount: Int64,
                receivedOn: CalendarDate, method: PaymentMethod, reference: String, recordedBy: UserID?,
                createdAt: Date, voidedAt: Date? = nil, voidedBy: UserID? = nil) {
        self.id = id; self.orderID = orderID; self.instalmentID = instalmentID; self.amount = amount
        self.receivedOn = receivedOn; self.method = method; self.reference = reference; self.recordedBy = recordedBy
        self.createdAt = createdAt; self.voidedAt = voidedAt; self.voidedBy = voidedBy
    }
}

/// A receipt as typed. Without an instalment it goes to the earliest one still open.
public struct ReceiptDraft: Sendable, Codable, Equatable {
    public var instalmentID: PaymentInstalmentID?
    public var amount: Int64
    /// Nil = today.
    public var receivedOn: CalendarDate?
    /// Nil = the instalment's method.
    public var method: PaymentMethod?
    public var reference: String?

    public init(instalmentID: PaymentInstalmentID? = nil, amount: Int64, receivedOn: CalendarDate? = nil,
                method: PaymentMethod? = nil, reference: String? = nil) {
        self.instalmentID = instalmentID; self.amount = amount; self.receivedOn = receivedOn
        self.method = method; self.reference = reference
    }

    /// Checks the amount against what the instalment still expects; over-payment is refused.
    public func validate(outstanding: Int64, today: CalendarDate) throws(ValidationFailed) {
        var v = Validator()
        if amount <= 0 { v.add("amount", .invalid) }
        else if amount > outstanding { v.add("amount", .exceedsOutstanding, detail: MinorUnits.plain(outstanding)) }
        if let receivedOn, receivedOn > today { v.add("receivedOn", .future) }
        v.length("reference", reference, max: 200)
        try v.check()
    }
}
