import Foundation

/// What a care date celebrates. Each kind has its own default reminder lead time.
public enum CareDateKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A person's birthday (生日).
    case birthday
    /// A wedding, partnership or other personal or business anniversary (纪念日).
    case anniversary
    /// A company's founding day (司庆日).
    case founding
    /// An award, title or other honour (荣誉).
    case honour
    case other

    /// Days ahead of the date that the agenda starts reminding: a founding day needs time to
    /// arrange a gift or visit, an honour only a message.
    public var defaultLeadDays: Int {
        switch self {
        case .birthday, .anniversary, .other: return 7
        case .founding: return 14
        case .honour: return 3
        }
    }
}
