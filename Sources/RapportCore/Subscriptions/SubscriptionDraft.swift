import Foundation

/// The fields of a new subscription term, or of a correction to one; `nil` = not given.
public struct SubscriptionDraft: Sendable, Codable, Equatable {
    public var productID: ProductRef?
    public var orderID: OrderID?
    public var startsOn: CalendarDate?
    public var endsOn: CalendarDate?
    /// Length in whole months when `endsOn` is not given (the product's term by default).
    public var termMonths: Int?
    public var price: Int64?
    public var currency: String?
    public var churnNote: String?
    public var renewalNote: String?

    public init(productID: ProductRef? = nil, orderID: OrderID? = nil, startsOn: CalendarDate? = nil,
                endsOn: CalendarDate? = nil, termMonths: Int? = nil, price: Int64? = nil, currency: String? = nil,
                churnNote: String? = nil, renewalNote: String? = nil) {
        self.productID = productID; self.orderID = orderID; self.startsOn = startsOn; self.endsOn = endsOn
        self.termMonths = termMonths; self.price = price; self.currency = currency
        self.churnNote = churnNote; self.renewalNote = renewalNote
    }

    /// Checks the fields alone; `current` is the stored term when correcting one. A term may be of
    /// any length but must end on or after the day it starts.
    public func validate(current: Subscription?) throws(ValidationFailed) {
        var v = Validator()
        if current == nil && startsOn == nil { v.add("startsOn", .required) }
        if current == nil && endsOn == nil && termMonths == nil { v.add("endsOn", .required) }
        if let termMonths, !(1...120).contains(termMonths) { v.add("termMonths", .outOfRange, detail: "1…120") }
        if let price, price < 0 { v.add("price", .outOfRange, detail: "≥ 0") }
        if let currency, !MinorUnits.isCurrencyCode(currency) { v.add("currency", .invalid) }
        v.length("churnNote", churnNote, max: 4000)
        v.length("renewalNote", renewalNote, max: 4000)
        if let start = startsOn ?? current?.startsOn, let end = endsOn ?? (termMonths == nil ? current?.endsOn : nil),
           end < start {
            v.add("endsOn", .beforeStart)
        }
        try v.check()
    }

    /// The last day of the term: `endsOn` when given, else `termMonths` months from `start`.
    public func resolvedEnd(start: CalendarDate) -> CalendarDate? {
        if let endsOn { return endsOn }
        return termMonths.map { SubscriptionRules.endOfTerm(startingOn: start, months: $0) }
    }
}

/// The reasons recorded when a customer leaves.
public struct ChurnInput: Sendable, Codable, Equatable {
    /// Codes from the churn taxonomy; at least one.
    public var reasons: [String]
    public var note: String
    /// The day they left (today by default).
    public var churnedOn: CalendarDate?

    public init(reasons: [String], note: String = "", churnedOn: CalendarDate? = nil) {
        self.reasons = reasons; self.note = note; self.churnedOn = churnedOn
    }

    enum CodingKeys: String, CodingKey {
        case reasons = "churnReasons", note = "churnNote", churnedOn
    }

    /// Missing reasons read as none, so that validation names the field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(reasons: try c.decodeIfPresent([String].self, forKey: .reasons) ?? [],
                  note: try c.decodeIfPresent(String.self, forKey: .note) ?? "",
                  churnedOn: try c.decodeIfPresent(CalendarDate.self, forKey: .churnedOn))
    }
}

/// What to record when a term is renewed; every field has a default.
public struct RenewalInput: Sendable, Codable, Equatable {
    /// Last day of the next term (by default the same length as the previous one).
    public var endsOn: CalendarDate?
    public var termMonths: Int?
    /// Price of the next term (by default the previous price).
    public var price: Int64?
    public var orderID: OrderID?
    /// Why they renew despite poor results (codes from the renewal part of the taxonomy).
    public var reasons: [String]
    public var note: String

    public init(endsOn: CalendarDate? = nil, termMonths: Int? = nil, price: Int64? = nil, orderID: OrderID? = nil,
                reasons: [String] = [], note: String = "") {
        self.endsOn = endsOn; self.termMonths = termMonths; self.price = price; self.orderID = orderID
        self.reasons = reasons; self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case endsOn, termMonths, price, orderID, reasons = "renewalReasons", note = "renewalNote"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(endsOn: try c.decodeIfPresent(CalendarDate.self, forKey: .endsOn),
                  termMonths: try c.decodeIfPresent(Int.self, forKey: .termMonths),
                  price: try c.decodeIfPresent(Int64.self, forKey: .price),
                  orderID: try c.decodeIfPresent(OrderID.self, forKey: .orderID),
                  reasons: try c.decodeIfPresent([String].self, forKey: .reasons) ?? [],
                  note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
    }
}
