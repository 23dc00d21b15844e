import Foundation

public typealias ProductID = Identifier<Product>

/// Something sold (产品): list price and unit cost in minor units of `currency`. Inactive products
/// stay on old orders but are not offered for new ones.
public struct Product: Sendable, Codable, Equatable, Identifiable {
    public var id: ProductID
    public var categoryID: ProductCategoryID?
    /// The short code people and files use (e.g. `BOLT-M8`).
    public var code: String
    public var name: String
    /// The unit sold: 件, 箱, 套, hour…
    public var unit: String
    public var price: Int64
    public var cost: Int64
    public var currency: String
    /// For subscriptions: how many months one unit covers.
    public var termMonths: Int?
    public var active: Bool
    public var description: String
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: ProductID, categoryID: ProductCategoryID? = nil, code: String, name: String, unit: String = "",
                price: Int64, cost: Int64 = 0, currency: String = MinorUnits.defaultCurrency, termMonths: Int? = nil,
                active: Bool = true, description: String = "", createdAt: Date, updatedAt: Date,
                deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.categoryID = categoryID; self.code = code; self.name = name; self.unit = unit
        self.price = price; self.cost = cost; self.currency = currency; self.termMonths = termMonths
        self.active = active; self.description = description; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.deletedAt = deletedAt; self.version = version
    }
}

/// A product as typed; `nil` = not given. `categoryID: .some(nil)` removes the category.
public struct ProductDraft: Sendable, Codable, Equatable {
    public var categoryID: ProductCategoryID??
    public var code: String?
    public var name: String?
    public var unit: String?
    public var price: Int64?
    public var cost: Int64?
    public var currency: String?
    public var termMonths: Int??
    public var active: Bool?
    public var description: String?

    public init(categoryID: ProductCategoryID?? = nil, code: String? = nil, name: String? = nil, unit: String? = nil,
                price: Int64? = nil, cost: Int64? = nil, currency: String? = nil, termMonths: Int?? = nil,
                active: Bool? = nil, description: String? = nil) {
        self.categoryID = categoryID; self.code = code; self.name = name; self.unit = unit; self.price = price
        self.cost = cost; self.currency = currency; self.termMonths = termMonths; self.active = active
        self.description = description
    }

    public func validate(creating: Bool) throws(ValidationFailed) {
        var v = Validator()
        if creating || code != nil {
            v.required("code", code, max: 40)
            if let code, code.contains(where: \.isWhitespace) { v.add("code", .invalid) }
        }
        if creating || name != nil { v.required("name", name, max: 200) }
        v.length("unit", unit, max: 20)
        if creating && price == nil { v.add("price", .required) }
        if let price, price < 0 || price > OrderLineDraft.maxUnit { v.add("price", .invalid) }
        if let cost, cost < 0 || cost > OrderLineDraft.maxUnit { v.add("cost", .invalid) }
        if let currency, !MinorUnits.isCurrencyCode(currency) { v.add("currency", .invalid) }
        if let months = termMonths ?? nil, !(1...120).contains(months) { v.add("termMonths", .invalid) }
        v.length("description", description, max: 4000)
        try v.check()
    }

    public func apply(to p: inout Product) {
        if let categoryID { p.categoryID = categoryID }
        if let code { p.code = code.trimmingCharacters(in: .whitespaces) }
        if let name { p.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let unit { p.unit = unit.trimmingCharacters(in: .whitespaces) }
        if let price { p.price = price }
        if let cost { p.cost = cost }
        if let currency { p.currency = currency }
        if let termMonths { p.termMonths = termMonths }
        if let active { p.active = active }
        if let description { p.description = description }
    }
}
