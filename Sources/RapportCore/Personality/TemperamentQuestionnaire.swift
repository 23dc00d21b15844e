import Foundation

/// The short questionnaire that suggests a temperament from what the rep has seen of a person
/// (DOMAIN part 2). There is one file per language; question and option ids are the same in
/// every language, so stored answers keep their meaning when the user switches language.
public struct TemperamentQuestionnaire: Sendable, Codable, Equatable {
    /// The language of the texts, e.g. `zh-Hans` or `en`.
    public let language: String
    public let questions: [Question]

    /// One observation about the person, measuring one axis.
    public struct Question: Sendable, Codable, Equatable, Identifiable {
        public var id: String
        public var axis: TemperamentAxis
        /// What the rep is asked, about observed behaviour ("In meetings this person…").
        public var prompt: String
        public var options: [Option]

        public init(id: String, axis: TemperamentAxis, prompt: String, options: [Option]) {
            self.id = id; self.axis = axis; self.prompt = prompt; self.options = options
        }
    }

    /// One possible answer; choosing it moves the axis score towards `pole` by `weight`.
    public struct Option: Sendable, Codable, Equatable, Identifiable {
        public var id: String
        public var text: String
        public var pole: TemperamentPole
        /// How strongly this answer leans to `pole`, 1...3.
        public var weight: Int

        public init(id: String, text: String, pole: TemperamentPole, weight: Int) {
            self.id = id; self.text = text; self.pole = pole; self.weight = weight
        }
    }

    /// Builds a questionnaire; throws when it breaks a rule listed at `check`.
    public init(language: String, questions: [Question]) throws(ReferenceDataError) {
        if let problem = Self.check(language: language, questions: questions) { throw problem }
        self.language = language
        self.questions = questions
    }

    /// Decodes and checks a questionnaire file.
    public static func decode(_ data: Data) throws(ReferenceDataError) -> Self {
        try ReferenceData.decode(Self.self, from: data)
    }

    private enum CodingKeys: String, CodingKey { case language, questions }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(language: container.decode(String.self, forKey: .language),
                      questions: container.decode([Question].self, forKey: .questions))
    }

    /// The question with this id, if any.
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// The rules: a language; at least one question per axis; unique, non-blank question ids;
    /// non-blank texts; per question at least two options with unique ids, each leaning to a pole
    /// of the question's axis with a weight of 1...3, and both poles offered.
    private static func check(language: String, questions: [Question]) -> ReferenceDataError? {
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(language) { return ReferenceDataError(path: "language", problem: "must not be empty") }
        for axis in TemperamentAxis.allCases where !questions.contains(where: { $0.axis == axis }) {
            return ReferenceDataError(path: "questions", problem: "no question on the \(axis.rawValue) axis")
        }
        var questionIDs: Set<String> = []
        for (index, question) in questions.enumerated() {
            let at = "questions[\(index)]"
            if blank(question.id) { return ReferenceDataError(path: "\(at).id", problem: "must not be empty") }
            if !questionIDs.insert(question.id).inserted {
                return ReferenceDataError(path: "\(at).id", problem: "duplicate id \(question.id)")
            }
            if blank(question.prompt) { return ReferenceDataError(path: "\(at).prompt", problem: "must not be empty") }
            if question.options.count < 2 {
                return ReferenceDataError(path: "\(at).options", problem: "needs at least two options")
            }
            var optionIDs: Set<String> = []
            for (optionIndex, option) in question.options.enumerated() {
                let atOption = "\(at).options[\(optionIndex)]"
                if blank(option.id) { return ReferenceDataError(path: "\(atOption).id", problem: "must not be empty") }
                if !optionIDs.insert(option.id).inserted {
                    return ReferenceDataError(path: "\(atOption).id", problem: "duplicate id \(option.id)")
                }
                if blank(option.text) { return ReferenceDataError(path: "\(atOption).text", problem: "must not be empty") }
                if option.pole.axis != question.axis {
                    return ReferenceDataError(path: "\(atOption).pole",
                                              problem: "\(option.pole.rawValue) is not on the \(question.axis.rawValue) axis")
                }
                if !(1...3).contains(option.weight) {
                    return ReferenceDataError(path: "\(atOption).weight", problem: "must be 1, 2 or 3")
                }
            }
            if Set(question.options.map(\.pole.sign)).count < 2 {
                return ReferenceDataError(path: "\(at).options", problem: "must offer both ends of the axis")
            }
        }
        return nil
    }
}
