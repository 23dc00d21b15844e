import Foundation

/// What the team knows about how to deal with one person (a key person or a person customer):
/// their temperament, buyer type and online customer type (DOMAIN part 2).
public struct Personality: Sendable, Codable, Equatable {
    /// The temperament a rep has set or confirmed; this is what the team goes by.
    public var temperament: Temperament?
    /// What the questionnaire answers suggest; kept beside the rep's choice, never copied into it silently.
    public var suggestedTemperament: Temperament?
    /// Questionnaire answers: question id → option id.
    public var answers: [String: String]
    /// Who set or confirmed `temperament`, and when.
    public var confirmedBy: UserID?
    public var confirmedAt: Date?
    public var buyerType: BuyerType?
    public var onlineType: OnlineCustomerType?

    public init(temperament: Temperament? = nil, suggestedTemperament: Temperament? = nil,
                answers: [String: String] = [:], confirmedBy: UserID? = nil, confirmedAt: Date? = nil,
                buyerType: BuyerType? = nil, onlineType: OnlineCustomerType? = nil) {
        self.temperament = temperament; self.suggestedTemperament = suggestedTemperament; self.answers = answers
        self.confirmedBy = confirmedBy; self.confirmedAt = confirmedAt; self.buyerType = buyerType
        self.onlineType = onlineType
    }

    /// True when nothing is known about the person yet.
    public var isEmpty: Bool { self == Personality() }
}

/// A change to a personality, as sent by a form or the API.
///
/// The type fields carry raw values (`powerful`, `faultFinding`…) so that an unknown value is a
/// field error rather than a failure to read the whole request. For every field `nil` means
/// "not given, leave alone" and an empty text means "clear".
public struct PersonalityDraft: Sendable, Codable, Equatable {
    /// New questionnaire answers (question id → option id), replacing the stored ones; the suggestion is
    /// recomputed from them. An empty option id marks a skipped question and is not stored.
    public var answers: [String: String]?
    /// Sets or confirms the temperament; the acting user and time are recorded as the confirmation.
    public var temperament: String?
    public var buyerType: String?
    public var onlineType: String?

    public init(answers: [String: String]? = nil, temperament: String? = nil, buyerType: String? = nil,
                onlineType: String? = nil) {
        self.answers = answers; self.temperament = temperament; self.buyerType = buyerType
        self.onlineType = onlineType
    }

    /// Checks the answers against the questionnaire (`answers.<questionId>` / `unknown`) and the type
    /// fields against their enums (`temperament`, `buyerType`, `onlineType` / `invalid`).
    public func validate(questionnaire: TemperamentQuestionnaire) throws(ValidationFailed) {
        var v = Validator()
        if let answers { questionnaire.check(answers: answers, into: &v) }
        Self.checkRaw("temperament", temperament, as: Temperament.self, into: &v)
        Self.checkRaw("buyerType", buyerType, as: BuyerType.self, into: &v)
        Self.checkRaw("onlineType", onlineType, as: OnlineCustomerType.self, into: &v)
        try v.check()
    }

    /// Applies a validated draft. Setting a temperament records `user` and `now` as its confirmation;
    /// clearing it clears the confirmation. New answers only change the suggestion, never the
    /// temperament the rep chose.
    public func apply(to p: inout Personality, questionnaire: TemperamentQuestionnaire, by user: UserID, at now: Date) {
        if let answers {
            p.answers = answers.filter { !$0.value.isEmpty }
            p.suggestedTemperament = questionnaire.score(p.answers).temperament
        }
        if let temperament {
            if let chosen = Temperament(rawValue: temperament) {
                p.temperament = chosen
                p.confirmedBy = user
                p.confirmedAt = now
            } else if temperament.isEmpty {
                p.temperament = nil
                p.confirmedBy = nil
                p.confirmedAt = nil
            }
        }
        if let buyerType, buyerType.isEmpty || BuyerType(rawValue: buyerType) != nil {
            p.buyerType = BuyerType(rawValue: buyerType)
        }
        if let onlineType, onlineType.isEmpty || OnlineCustomerType(rawValue: onlineType) != nil {
            p.onlineType = OnlineCustomerType(rawValue: onlineType)
        }
    }

    private static func checkRaw<T: RawRepresentable<String>>(_ field: String, _ value: String?, as _: T.Type,
                                                              into v: inout Validator) {
        guard let value, !value.isEmpty else { return }
        if T(rawValue: value) == nil { v.add(field, .invalid) }
    }
}
