import Foundation

/// What is known about one customer that decides its stage; gathered by the store from orders,
/// deals, qualification, referrals and recorded facts.
public struct LifecycleFacts: Sendable, Equatable {
    /// Orders that were not cancelled (or deleted).
    public var orderCount: Int
    public var firstOrderOn: CalendarDate?
    public var lastOrderOn: CalendarDate?
    /// The longest time between two consecutive orders, in days (0 with fewer than two orders).
    public var longestGapDays: Int
    /// How many distinct calendar years had an order.
    public var orderYears: Int
    /// Deals in progress: open ones, and won ones whose order is not written yet (so winning a
    /// deal does not drop a prospect back to suspect before its order exists).
    public var openDeals: Int
    /// A qualification whose three checks (pay, authority, need) are all yes.
    public var qualified: Bool
    /// Evidence of the live exclusivity fact, when one is recorded.
    public var exclusiveEvidence: String?
    /// How many customers (or their contacts) this customer referred to us.
    public var referralsMade: Int
    /// The live partnership fact (the most recent when several), with its evidence.
    public var partnership: LifecycleFactKind?
    public var partnershipEvidence: String

    public init(orderCount: Int = 0, firstOrderOn: CalendarDate? = nil, lastOrderOn: CalendarDate? = nil,
                longestGapDays: Int = 0, orderYears: Int = 0, openDeals: Int = 0, qualified: Bool = false,
                exclusiveEvidence: String? = nil, referralsMade: Int = 0, partnership: LifecycleFactKind? = nil,
                partnershipEvidence: String = "") {
        self.orderCount = orderCount; self.firstOrderOn = firstOrderOn; self.lastOrderOn = lastOrderOn
        self.longestGapDays = longestGapDays; self.orderYears = orderYears; self.openDeals = openDeals
        self.qualified = qualified; self.exclusiveEvidence = exclusiveEvidence; self.referralsMade = referralsMade
        self.partnership = partnership; self.partnershipEvidence = partnershipEvidence
    }
}

extension LifecycleFacts {
    /// Takes one live recorded fact, newest first: the first exclusive one gives the exclusivity
    /// evidence, the first of another kind the partnership.
    public mutating func note(_ kind: LifecycleFactKind, evidence: String) {
        if kind == .exclusive {
            if exclusiveEvidence == nil { exclusiveEvidence = evidence }
        } else if partnership == nil {
            partnership = kind
            partnershipEvidence = evidence
        }
    }
}

/// The thresholds of the stage rules; the defaults follow the source's reading of "long-term".
public struct LifecyclePolicy: Sendable, Equatable {
    /// Long-term needs at least this many orders (one-time buyers never count).
    public var longTermMinOrders: Int
    /// ... spanning at least this many days from the first to the last order ...
    public var longTermMinSpanDays: Int
    /// ... with no gap longer than this between orders, nor since the last order until today.
    public var longTermMaxGapDays: Int
    /// Advocates need long-term on top of exclusivity; when false, repeat buying is enough.
    public var advocateNeedsLongTerm: Bool

    public init(longTermMinOrders: Int = 2, longTermMinSpanDays: Int = 365, longTermMaxGapDays: Int = 548,
                advocateNeedsLongTerm: Bool = true) {
        self.longTermMinOrders = max(2, longTermMinOrders)
        self.longTermMinSpanDays = longTermMinSpanDays
        self.longTermMaxGapDays = longTermMaxGapDays
        self.advocateNeedsLongTerm = advocateNeedsLongTerm
    }

    public static let standard = LifecyclePolicy()
}
