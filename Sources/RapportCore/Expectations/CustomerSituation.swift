/// Why a customer joined the platform (DOMAIN part 3). Raw values are stored: never rename them.
public enum JoinReason: String, Sendable, Codable, CaseIterable {
    case businessOpportunities, corporateImage, communication, efficiency, lowerCosts, credibility,
         followingTrend, qualificationChecks, growingWithPlatform
}

/// What drove the customer to sign (签约动机), and so what success means to them.
public enum SigningMotivation: String, Sendable, Codable, CaseIterable {
    /// 建立形象型: mature, long view; success is being visible.
    case imageBuilder
    /// 从众跟风型: joined because peers did; success is doing as well as they do.
    case follower
    /// 盈利主导型: small and price-pressed; success is orders, big ones.
    case profitDriven
}

/// The customer's line of business, which sets the default expectation baseline.
public enum BusinessType: String, Sendable, Codable, CaseIterable {
    /// 生产型
    case manufacturer
    /// 经销商批发
    case wholesale
    /// 经销商零售
    case retail
    /// 服务型
    case service
    case other
}

/// The customer's situation: why they joined, ranked, why they signed and what they do.
public struct CustomerSituation: Sendable, Codable, Equatable {
    /// Most important first, each reason at most once.
    public private(set) var joinReasons: [JoinReason]
    public var motivation: SigningMotivation?
    public var businessType: BusinessType?

    /// Keeps the first occurrence of a repeated reason.
    public init(joinReasons: [JoinReason] = [], motivation: SigningMotivation? = nil, businessType: BusinessType? = nil) {
        var seen: Set<JoinReason> = []
        self.joinReasons = joinReasons.filter { seen.insert($0).inserted }
        self.motivation = motivation
        self.businessType = businessType
    }

    /// Replaces the ranking; a repeated reason keeps its first place.
    public mutating func rank(_ reasons: [JoinReason]) {
        self = CustomerSituation(joinReasons: reasons, motivation: motivation, businessType: businessType)
    }

    private enum CodingKeys: String, CodingKey { case joinReasons, motivation, businessType }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(joinReasons: try c.decodeIfPresent([JoinReason].self, forKey: .joinReasons) ?? [],
                  motivation: try c.decodeIfPresent(SigningMotivation.self, forKey: .motivation),
                  businessType: try c.decodeIfPresent(BusinessType.self, forKey: .businessType))
    }
}
