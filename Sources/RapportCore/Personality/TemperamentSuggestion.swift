/// What the questionnaire suggests; the rep confirms or overrides it.
public struct TemperamentSuggestion: Sendable, Codable, Equatable {
    /// `nil` when either axis has no answer or its answers cancel out: the rep has to judge.
    public var temperament: Temperament?
    /// The pace score: the weights of the chosen options, direct counted up and indirect down.
    public var pace: Int
    /// The focus score: feeling counted up, thinking down.
    public var focus: Int
    /// How many questions were answered.
    public var answered: Int

    public init(temperament: Temperament?, pace: Int, focus: Int, answered: Int) {
        self.temperament = temperament; self.pace = pace; self.focus = focus; self.answered = answered
    }
}

extension TemperamentQuestionnaire {
    /// Scores the answers (question id → option id). An empty option id means the question was skipped.
    /// - Throws: `ValidationFailed` with `answers.<questionId>` / `unknown` for a question that is not in
    ///   the questionnaire or an option that the question does not have.
    public func suggest(answers: [String: String]) throws(ValidationFailed) -> TemperamentSuggestion {
        var v = Validator()
        check(answers: answers, into: &v)
        try v.check()
        return score(answers)
    }

    /// Adds an `unknown` error per answer that does not match a question and one of its options.
    func check(answers: [String: String], into v: inout Validator) {
        for (questionID, optionID) in answers.sorted(by: { $0.key < $1.key }) {
            guard let question = question(questionID) else {
                v.add("answers.\(questionID)", .unknown)
                continue
            }
            if !optionID.isEmpty && !question.options.contains(where: { $0.id == optionID }) {
                v.add("answers.\(questionID)", .unknown)
            }
        }
    }

    /// Scores the answers that match the questionnaire and ignores the rest.
    func score(_ answers: [String: String]) -> TemperamentSuggestion {
        var pace = 0, focus = 0, answered = 0
        for question in questions {
            guard let optionID = answers[question.id],
                  let option = question.options.first(where: { $0.id == optionID }) else { continue }
            answered += 1
            switch question.axis {
            case .pace: pace += option.pole.sign * option.weight
            case .focus: focus += option.pole.sign * option.weight
            }
        }
        let temperament = pace == 0 || focus == 0 ? nil : Temperament(direct: pace > 0, feeling: focus > 0)
        return TemperamentSuggestion(temperament: temperament, pace: pace, focus: focus, answered: answered)
    }
}
