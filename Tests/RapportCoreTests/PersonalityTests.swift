import Foundation
import RapportCore
import Testing

@Suite struct PersonalityTests {
    private func questionnaire() throws -> TemperamentQuestionnaire {
        try TemperamentQuestionnaire.decode(ShippedReference.data("temperament-questionnaire.en.json"))
    }

    /// Answers every question with its strongest option towards `pace` and `focus`.
    private func answers(_ q: TemperamentQuestionnaire, pace: TemperamentPole, focus: TemperamentPole) -> [String: String] {
        var answers: [String: String] = [:]
        for question in q.questions {
            let pole = question.axis == .pace ? pace : focus
            let option = question.options.filter { $0.pole == pole }.max { $0.weight < $1.weight }
            answers[question.id] = option?.id
        }
        return answers
    }

    @Test func temperament_followsTheTwoAxes() {
        #expect(Temperament(direct: true, feeling: false) == .powerful)
        #expect(Temperament(direct: true, feeling: true) == .popular)
        #expect(Temperament(direct: false, feeling: false) == .perfect)
        #expect(Temperament(direct: false, feeling: true) == .peaceful)
        #expect(Temperament.allCases.allSatisfy { Temperament(direct: $0.isDirect, feeling: $0.isFeeling) == $0 })
    }

    @Test(arguments: [
        (TemperamentPole.direct, TemperamentPole.thinking, Temperament.powerful),
        (.direct, .feeling, .popular),
        (.indirect, .thinking, .perfect),
        (.indirect, .feeling, .peaceful),
    ])
    func suggest_findsEachTemperament_whenAnswersLeanOneWay(pace: TemperamentPole, focus: TemperamentPole,
                                                           expected: Temperament) throws {
        let q = try questionnaire()
        let suggestion = try q.suggest(answers: answers(q, pace: pace, focus: focus))
        #expect(suggestion.temperament == expected)
        #expect(suggestion.answered == q.questions.count)
        #expect((suggestion.pace > 0) == expected.isDirect)
        #expect((suggestion.focus > 0) == expected.isFeeling)
    }

    @Test func suggest_addsWeightsPerAxis() throws {
        let s = try questionnaire().suggest(answers: [
            "pace.risk": "jumpsIn", "pace.talk": "mostlyListens", "focus.time": "toTheMinute", "focus.mood": "friendly",
        ])
        #expect(s == TemperamentSuggestion(temperament: .powerful, pace: 1, focus: -1, answered: 4))
    }

    @Test func suggest_givesNoTemperament_whenAnAxisTies() throws {
        let s = try questionnaire().suggest(answers: [
            "pace.risk": "triesIfWorthIt", "pace.decisions": "needsTime", "focus.mood": "relaxed",
        ])
        #expect(s == TemperamentSuggestion(temperament: nil, pace: 0, focus: 2, answered: 3))
    }

    @Test func suggest_givesNoTemperament_whenAnAxisHasNoAnswer() throws {
        let s = try questionnaire().suggest(answers: ["pace.risk": "jumpsIn", "focus.mood": ""])
        #expect(s == TemperamentSuggestion(temperament: nil, pace: 2, focus: 0, answered: 1))
        #expect(try questionnaire().suggest(answers: [:]).answered == 0)
    }

    @Test func suggest_rejectsUnknownQuestionsAndOptions() throws {
        let q = try questionnaire()
        #expect(throws: ValidationFailed(errors: [FieldError("answers.nope", .unknown),
                                                 FieldError("answers.pace.risk", .unknown)])) {
            try q.suggest(answers: ["pace.risk": "maybe", "nope": "jumpsIn", "focus.mood": "relaxed"])
        }
    }

    @Test func questionnaire_rejectsAnOptionOffItsAxis_andDuplicateIds() {
        let risky = TemperamentQuestionnaire.Question(id: "q", axis: .pace, prompt: "P", options: [
            .init(id: "a", text: "A", pole: .direct, weight: 1), .init(id: "b", text: "B", pole: .indirect, weight: 1),
        ])
        var warm = risky
        warm.id = "w"; warm.axis = .focus
        #expect(throws: ReferenceDataError(path: "questions[1].options[0].pole", problem: "direct is not on the focus axis")) {
            try TemperamentQuestionnaire(language: "en", questions: [risky, warm])
        }
        #expect(throws: ReferenceDataError(path: "questions", problem: "no question on the focus axis")) {
            try TemperamentQuestionnaire(language: "en", questions: [risky])
        }
        warm.options = [.init(id: "a", text: "A", pole: .feeling, weight: 2), .init(id: "b", text: "B", pole: .thinking, weight: 2)]
        #expect(throws: Never.self) { try TemperamentQuestionnaire(language: "en", questions: [risky, warm]) }
        warm.id = "q"
        #expect(throws: ReferenceDataError(path: "questions[1].id", problem: "duplicate id q")) {
            try TemperamentQuestionnaire(language: "en", questions: [risky, warm])
        }
    }

    @Test func draft_rejectsUnknownValues() throws {
        let draft = PersonalityDraft(answers: ["pace.risk": "never"], temperament: "choleric", buyerType: "grumpy",
                                     onlineType: "")
        #expect(throws: ValidationFailed(errors: [FieldError("answers.pace.risk", .unknown),
                                                 FieldError("temperament", .invalid), FieldError("buyerType", .invalid)])) {
            try draft.validate(questionnaire: questionnaire())
        }
    }

    @Test func draft_confirmingATemperament_recordsWhoAndWhen() throws {
        let q = try questionnaire()
        let rep = UserID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7)))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var p = Personality()

        let answered = PersonalityDraft(answers: answers(q, pace: .indirect, focus: .feeling), buyerType: "hesitant")
        try answered.validate(questionnaire: q)
        answered.apply(to: &p, questionnaire: q, by: rep, at: now)
        #expect(p.suggestedTemperament == .peaceful && p.temperament == nil && p.confirmedBy == nil)
        #expect(p.buyerType == .hesitant)

        PersonalityDraft(temperament: "peaceful").apply(to: &p, questionnaire: q, by: rep, at: now)
        #expect(p.temperament == .peaceful && p.confirmedBy == rep && p.confirmedAt == now)

        PersonalityDraft(answers: answers(q, pace: .direct, focus: .thinking)).apply(to: &p, questionnaire: q, by: rep, at: now)
        #expect(p.suggestedTemperament == .powerful && p.temperament == .peaceful)
    }

    @Test func draft_clearing_removesTheConfirmationAndSkippedAnswers() throws {
        let q = try questionnaire()
        let rep = UserID(UUID(uuid: (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        var p = Personality(temperament: .perfect, answers: ["pace.risk": "staysSafe"], confirmedBy: rep,
                            confirmedAt: Date(timeIntervalSince1970: 0), buyerType: .silent, onlineType: .regular)
        PersonalityDraft(answers: ["pace.risk": "", "focus.mood": "formal"], temperament: "", buyerType: "")
            .apply(to: &p, questionnaire: q, by: rep, at: Date(timeIntervalSince1970: 1))
        #expect(p == Personality(answers: ["focus.mood": "formal"], onlineType: .regular))
    }
}
