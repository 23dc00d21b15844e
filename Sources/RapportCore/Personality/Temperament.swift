/// The four temperaments (DOMAIN part 2), placed on two axes: pace (direct 率直 vs indirect 优柔)
/// and focus (feeling 感性 vs thinking 理性).
public enum Temperament: String, Sendable, Codable, CaseIterable {
    /// 力量型: direct and thinking.
    case powerful
    /// 活泼型: direct and feeling.
    case popular
    /// 完美型: indirect and thinking.
    case perfect
    /// 和平型: indirect and feeling.
    case peaceful

    public init(direct: Bool, feeling: Bool) {
        switch (direct, feeling) {
        case (true, false): self = .powerful
        case (true, true): self = .popular
        case (false, false): self = .perfect
        case (false, true): self = .peaceful
        }
    }

    public var isDirect: Bool { self == .powerful || self == .popular }
    public var isFeeling: Bool { self == .popular || self == .peaceful }
}

/// One of the two axes the questionnaire measures.
public enum TemperamentAxis: String, Sendable, Codable, CaseIterable {
    /// Direct vs indirect: how fast and openly the person acts.
    case pace
    /// Feeling vs thinking: people first or task first.
    case focus
}

/// An end of an axis that an answer leans to.
public enum TemperamentPole: String, Sendable, Codable, CaseIterable {
    case direct, indirect, feeling, thinking

    public var axis: TemperamentAxis {
        switch self {
        case .direct, .indirect: .pace
        case .feeling, .thinking: .focus
        }
    }

    /// +1 for the pole an axis score counts up (direct, feeling), -1 for the other.
    var sign: Int {
        switch self {
        case .direct, .feeling: 1
        case .indirect, .thinking: -1
        }
    }
}
