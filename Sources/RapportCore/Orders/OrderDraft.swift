import Foundation

/// One line as typed: a product (its name, price and cost fill what is left out) or a free description.
public struct OrderLineDraft: Sendable, Codable, Equatable {
    public var productID: ProductID?
    public var description: String
    public var quantity: Double
    /// Price of one unit in minor units; nil takes the product's price.
    public var unitPrice: Int64?
    /// Cost of one unit in minor units; nil takes the product's cost (0 without a product).
    public var unitCost: Int64?

    public init(productID: ProductID? = nil, description: String = "", quantity: Double, unitPrice: Int64?,
                unitCost: Int64? = nil) {
        self.productID = productID; self.description = description; self.quantity = quantity
        self.unitPrice = unitPrice; self.unitCost = unitCost
    }

    private enum CodingKeys: String, CodingKey { case productID, description, quantity, unitPrice, unitCost }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        productID = try c.decodeIfPresent(ProductID.self, forKey: .productID)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        quantity = try c.decode(Double.self, forKey: .quantity)
        unitPrice = try c.decodeIfPresent(Int64.self, forKey: .unitPrice)
        unitCost = try c.decodeIfPresent(Int64.self, forKey: .unitCost)
    }

    /// Fills the blanks from the line's product (name, price, cost).
    public func filled(from product: Product?) -> OrderLineDraft {
        var line = self
        guard let product else { return line }
        if line.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { line.description = product.name }
        if line.unitPrice == nil { line.unitPrice = product.price }
        if line.unitCost == nil { line.unitCost = product.cost }
        return line
    }

    /// Checks one line; fields are named `lines[i].field`.
    public func validate(index: Int, into v: inout Validator) {
        let prefix = "lines[\(index)]."
        v.required(prefix + "description", description, max: 500)
        if !quantity.isFinite || quantity <= 0 || quantity > 1e9 { v.add(prefix + "quantity", .invalid) }
        if let unitPrice { if unitPrice < 0 || unitPrice > Self.maxUnit { v.add(prefix + "unitPrice", .invalid) } }
        else { v.add(prefix + "unitPrice", .required) }
        if let unitCost, unitCost < 0 || unitCost > Self.maxUnit { v.add(prefix + "unitCost", .invalid) }
        if let unitPrice, (Double(unitPrice) * quantity).magnitude > 9e15 { v.add(prefix + "quantity", .tooLarge) }
    }

    /// The stored line (after validation).
    public func line(no: Int) -> OrderLine {
        OrderLine(lineNo: no, productID: productID, description: description.trimmingCharacters(in: .whitespacesAndNewlines),
                  quantity: quantity, unitPrice: unitPrice ?? 0, unitCost: unitCost ?? 0)
    }

    /// The largest unit price or cost accepted (10^13 minor units).
    public static let maxUnit: Int64 = 10_000_000_000_000
}

/// The fields of an order as given; `nil` = not given (on update: unchanged).
public struct OrderDraft: Sendable, Codable, Equatable {
    /// Nil on create generates one (`SO-YYYYMMDD-xxxxxx`).
    public var number: String?
    public var orderedOn: CalendarDate?
    public var repID: UserID?
    public var dealID: DealID?
    public var currency: String?
    public var status: OrderStatus?
    public var note: String?
    public var lines: [OrderLineDraft]?
    /// The payment plan on create; nil = one instalment for the whole amount due 30 days after the order date.
    public var instalments: [InstalmentDraft]?

    public init(number: String? = nil, orderedOn: CalendarDate? = nil, repID: UserID? = nil, dealID: DealID? = nil,
                currency: String? = nil, status: OrderStatus? = nil, note: String? = nil,
                lines: [OrderLineDraft]? = nil, instalments: [InstalmentDraft]? = nil) {
        self.number = number; self.orderedOn = orderedOn; self.repID = repID; self.dealID = dealID
        self.currency = currency; self.status = status; self.note = note; self.lines = lines
        self.instalments = instalments
    }

    /// Checks the fields alone (lines already filled from their products); `current` when updating.
    public func validate(current: Order?) throws(ValidationFailed) {
        var v = Validator()
        if let number {
            let trimmed = number.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.count > 40 || !trimmed.unicodeScalars.allSatisfy(Self.numberCharacters.contains) {
                v.add("number", .invalid)
            }
        }
        if let currency, !MinorUnits.isCurrencyCode(currency) { v.add("currency", .invalid) }
        v.length("note", note, max: 4000)
        if current == nil || lines != nil {
            let lines = lines ?? []
            if lines.isEmpty { v.add("lines", .required) }
            if lines.count > 500 { v.add("lines", .tooMany, detail: "500") }
            for (index, line) in lines.enumerated() { line.validate(index: index, into: &v) }
        }
        if let status, let current, status != current.status, !current.status.allowedNext.contains(status) {
            v.add("status", .invalid, detail: "\(current.status.rawValue)→\(status.rawValue)")
        }
        if current == nil, status == .cancelled { v.add("status", .invalid) }
        try v.check()
    }

    /// Applies the given fields (not the instalments).
    public func apply(to order: inout Order) {
        if let number { order.number = number.trimmingCharacters(in: .whitespaces) }
        if let orderedOn { order.orderedOn = orderedOn }
        if let repID { order.repID = repID }
        if let dealID { order.dealID = dealID }
        if let currency { order.currency = currency }
        if let status { order.status = status }
        if let note { order.note = note }
        if let lines { order.setLines(lines.enumerated().map { $1.line(no: $0 + 1) }) }
    }

    /// Letters, digits and `-_/.` (order numbers go into URLs and files).
    static let numberCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_/."))
}
