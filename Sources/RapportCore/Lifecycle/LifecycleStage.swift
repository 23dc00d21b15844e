import Foundation

/// The eight stages of a customer's life with us (DOMAIN part 5, 客户的八个阶段), in order.
public enum LifecycleStage: String, Sendable, Codable, CaseIterable, Comparable {
    /// 猜想客户: nothing yet says they could buy.
    case suspect
    /// 预期客户: an open deal or a completed qualification says they could close soon.
    case prospect
    /// 首次成交客户: exactly one order.
    case firstPurchase
    /// 重复购买客户: two or more orders.
    case repeatBuyer
    /// 长期客户: repeat orders over a long, unbroken span (one-time buyers never count).
    case longTerm
    /// 拥护者客户: buys only from us, on top of a lasting relationship.
    case advocate
    /// 战略合作客户: a buyer who refers others to us (转介绍).
    case strategicPartner
    /// 合伙人: recorded as our agent, distributor or shareholder.
    case partner

    /// Position in the order above (0 = suspect).
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The stage at a position in the order (`rank`); nil outside it.
    public init?(rank: Int) {
        guard Self.allCases.indices.contains(rank) else { return nil }
        self = Self.allCases[rank]
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// The kinds of fact a user records by hand, with evidence: exclusivity and the three partnerships.
public enum LifecycleFactKind: String, Sendable, Codable, CaseIterable {
    /// The customer buys this kind of product only from us.
    case exclusive
    case agent, distributor, shareholder

    /// Whether the fact makes the customer a partner.
    public var isPartnership: Bool { self != .exclusive }
}
