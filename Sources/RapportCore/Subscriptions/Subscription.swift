import Foundation

public typealias SubscriptionID = Identifier<Subscription>

/// Where one subscription term stands (DOMAIN part 3, renewal and churn).
public enum SubscriptionState: String, Sendable, Codable, CaseIterable {
    /// Running (or not yet started); the customer has not decided.
    case active
    /// A next term was signed; it is linked to this one through its `previousID`.
    case renewed
    /// The end date passed without a renewal or a recorded churn.
    case lapsed
    /// The customer left, with at least one reason from the churn taxonomy.
    case churned
}

/// One term of a customer's subscription: dates, price and what happened at its end.
public struct Subscription: Sendable, Codable, Equatable, Identifiable {
    public var id: SubscriptionID
    public var customerID: CustomerID
    public var productID: ProductRef?
    public var orderID: OrderID?
    public var startsOn: CalendarDate
    /// The last day of the term (inclusive).
    public var endsOn: CalendarDate
    /// Price of the whole term in minor units of `currency`.
    public var price: Int64
    public var currency: String
    public var state: SubscriptionState
    /// The term this one renews.
    public var previousID: SubscriptionID?
    public var churnedOn: CalendarDate?
    /// Codes from the churn taxonomy.
    public var churnReasons: [String]
    public var churnNote: String
    /// Codes of the reasons for renewing despite poor results (from the same taxonomy file).
    public var renewalReasons: [String]
    public var renewalNote: String
    public var createdBy: UserID?
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: SubscriptionID, customerID: CustomerID, productID: ProductRef? = nil, orderID: OrderID? = nil,
                startsOn: CalendarDate, endsOn: CalendarDate, price: Int64, currency: String,
                state: SubscriptionState = .active, previousID: SubscriptionID? = nil, churnedOn: CalendarDate? = nil,
                churnReasons: [String] = [], churnNote: String = "", renewalReasons: [String] = [],
                renewalNote: String = "", createdBy: UserID?, createdAt: Date, updatedAt: Date,
                deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.customerID = customerID; self.productID = productID; self.orderID = orderID
        self.startsOn = startsOn; self.endsOn = endsOn; self.price = price; self.currency = currency
        self.state = state; self.previousID = previousID; self.churnedOn = churnedOn
        self.churnReasons = churnReasons; self.churnNote = churnNote; self.renewalReasons = renewalReasons
        self.renewalNote = renewalNote; self.createdBy = createdBy; self.createdAt = createdAt
        self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }

    /// Length of the term in days, both ends counted.
    public var lengthInDays: Int { startsOn.days(until: endsOn) + 1 }

    /// Days from `today` to the last day (0 on the last day, negative once it passed).
    public func daysLeft(today: CalendarDate) -> Int { today.days(until: endsOn) }
}

/// A product id as stored on a subscription (products belong to the orders area).
public typealias ProductRef = Identifier<ProductTag>

/// Phantom type for product ids referenced from subscriptions.
public enum ProductTag {}

extension Subscription: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .subscription
    public var recordID: String { id.description }

    public var references: [RecordReference] {
        [productID.map { .product(ProductID($0.uuid), field: "productID") }, orderID.map { .order($0, field: "orderID") },
         previousID.map { .subscription($0, field: "previousID") }].compactMap { $0 }
    }
}
