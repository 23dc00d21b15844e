import Foundation

/// A sale to a customer (订单): its lines give revenue and cost, so profit is known per order.
/// (Skeleton: the orders helper completes this type.)
public struct Order: Sendable, Codable, Equatable, Identifiable {
    public var id: OrderID
    public var customerID: CustomerID

    public init(id: OrderID, customerID: CustomerID) {
        self.id = id
        self.customerID = customerID
    }
}
