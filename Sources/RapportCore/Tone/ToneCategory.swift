/// What a tone finding is about.
///
/// The first three are the phrase families service training forbids outright: vague promises
/// (暧昧语), impatience (烦躁语) and provocation (斗气语). The others break one of the seven
/// ``TonePrinciple``s; ``blame`` (putting the fault on the customer) is an extra family.
public enum ToneCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// A promise with no substance: "应该没问题", "改天再联系", "should be fine".
    case vague
    /// Irritation with the customer: "不是告诉您了吗", "as I already told you".
    case impatience
    /// Words that pick a fight: "您到底想怎么样", "take it or leave it".
    case provocation
    /// Putting the fault on the customer or shrugging it off: "是您自己没看清楚", "not our fault".
    case blame
    /// Negative wording where a positive one exists: "不可能", "I don't know".
    case negative
    /// An order instead of a request: "你必须", "you have to".
    case command
    /// A longer message with no greeting, please, thanks or polite close, or a curt ending.
    case missingCourtesy
    /// A refusal with no apology anywhere in the message.
    case refusalWithoutApology
    /// Deciding for the customer or rushing them: "就这么定了", "last chance".
    case pressure
    /// A promise beyond the writer's responsibility: "百分之百", "I guarantee".
    case overPromise
    /// A longer message that thanks or appreciates nothing.
    case missingThanks

    /// The principle this category breaks, or `nil` for the forbidden-phrase families
    /// (vague, impatience, provocation, blame), which stand on their own.
    public var principle: TonePrinciple? {
        switch self {
        case .vague, .impatience, .provocation, .blame: nil
        case .negative: .positiveWording
        case .command: .requestNotCommand
        case .missingCourtesy: .respectfulEnding
        case .refusalWithoutApology: .apologizeWhenRefusing
        case .pressure: .customerDecides
        case .overPromise: .withinResponsibility
        case .missingThanks: .praiseAndThank
        }
    }
}
