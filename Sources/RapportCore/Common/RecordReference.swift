import Foundation

/// An id that a record points at, named by the input field it came from. Every write of a
/// customer's record checks each of its references against the writer's scope in the write's own
/// transaction: a key person, deal, order or instalment must belong to the same customer and be
/// live; a referring customer must be visible to the writer; a user must be active; a product or
/// stage must exist. A reference that fails is a field error on `field`, never a silent link.
public enum RecordReference: Sendable, Equatable {
    case contact(ContactID, field: String)
    case deal(DealID, field: String)
    case order(OrderID, field: String)
    case instalment(PaymentInstalmentID, field: String)
    case subscription(SubscriptionID, field: String)
    case customer(CustomerID, field: String)
    case user(UserID, field: String)
    case product(ProductID, field: String)
    case stage(DealStageID, field: String)

    /// The input field the id came from.
    public var field: String {
        switch self {
        case .contact(_, let field), .deal(_, let field), .order(_, let field), .instalment(_, let field),
             .subscription(_, let field), .customer(_, let field), .user(_, let field), .product(_, let field),
             .stage(_, let field):
            return field
        }
    }
}

/// A stored record with an optimistic version: every change writes `version + 1` only if the stored
/// version is still the one read, and stamps `updatedAt`.
public protocol VersionedRecord: Sendable, Codable {
    /// What the audit log and error messages call this kind of record (`customer`, `contact`…).
    static var recordKind: RecordKind { get }
    /// The id as stored (lowercase UUID text).
    var recordID: String { get }
    var version: Int { get set }
    var updatedAt: Date { get set }
}

/// A versioned record that is soft-deleted (restorable) rather than removed.
public protocol SoftDeletableRecord: VersionedRecord {
    var deletedAt: Date? { get set }
}

/// A record that belongs to one customer: visible exactly when its customer is visible.
public protocol CustomerOwnedRecord: SoftDeletableRecord {
    var customerID: CustomerID { get }
    /// The other records this one points at (checked on every write).
    var references: [RecordReference] { get }
}
