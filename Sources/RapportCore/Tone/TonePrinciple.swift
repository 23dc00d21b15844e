/// The seven principles of good service language (服务用语的七个原则).
///
/// A ``ToneCategory`` names what went wrong in a draft; the principle names the habit that
/// avoids it, so the page can group findings under the principle a team is trained on.
public enum TonePrinciple: String, Sendable, Hashable, Codable, CaseIterable {
    /// Say what can be done rather than what cannot (正面表达，不用否定语).
    case positiveWording
    /// Ask, do not order (用请求语，不用命令语).
    case requestNotCommand
    /// Close politely and warmly (以尊重的语气结束).
    case respectfulEnding
    /// A refusal comes with an apology (拒绝时先致歉).
    case apologizeWhenRefusing
    /// Offer options and let the customer choose (让客户自己决定).
    case customerDecides
    /// Promise only what you are responsible for (在职责范围内说话).
    case withinResponsibility
    /// Praise and thank the customer (多赞美，多致谢).
    case praiseAndThank
}
