/// The twelve buyer personality types (购买者个性类型). Raw values are stored: never rename them.
public enum BuyerType: String, Sendable, Codable, CaseIterable {
    /// 从容不迫型
    case composed
    /// 优柔寡断型
    case hesitant
    /// 自我吹嘘型
    case boastful
    /// 豪爽干练型
    case brisk
    /// 喋喋不休型
    case talkative
    /// 沉默寡言型
    case silent
    /// 吹毛求疵型
    case faultFinding
    /// 虚情假意型
    case insincere
    /// 冷淡傲慢型
    case coldArrogant
    /// 情感冲动型
    case impulsive
    /// 心怀怨恨型
    case resentful
    /// 圆滑难缠型
    case slippery
}

/// How a person behaves as an online customer (电子商务客户类型). Raw values are stored.
public enum OnlineCustomerType: String, Sendable, Codable, CaseIterable {
    /// 简单型: wants things done quickly and simply.
    case simple
    /// 冲浪型: browses widely, drawn to what is new.
    case surfer
    /// 接入型: new to doing business online.
    case newcomer
    /// 议价型: hunts for a good price.
    case bargainer
    /// 定期型: comes back regularly for content.
    case regular
    /// 运动型: drawn in by sports, events and entertainment.
    case entertainment
}
