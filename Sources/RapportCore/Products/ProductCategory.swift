import Foundation

public typealias ProductCategoryID = Identifier<ProductCategory>

/// A group of products in the catalogue (产品类别), shown in `position` order.
public struct ProductCategory: Sendable, Codable, Equatable, Identifiable {
    public var id: ProductCategoryID
    public var name: String
    public var position: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: ProductCategoryID, name: String, position: Int, createdAt: Date, updatedAt: Date,
                deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.name = name; self.position = position; self.createdAt = createdAt
        self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }
}

/// A category as typed; `nil` = not given.
public struct ProductCategoryDraft: Sendable, Codable, Equatable {
    public var name: String?
    public var position: Int?

    public init(name: String? = nil, position: Int? = nil) {
        self.name = name; self.position = position
    }

    public func validate(creating: Bool) throws(ValidationFailed) {
        var v = Validator()
        if creating || name != nil { v.required("name", name, max: 100) }
        if let position, !(0...100_000).contains(position) { v.add("position", .invalid) }
        try v.check()
    }

    public func apply(to category: inout ProductCategory) {
        if let name { category.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let position { category.position = position }
    }
}
