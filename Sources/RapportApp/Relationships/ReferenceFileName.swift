import Foundation
import RapportCore

/// The reference files Rapport ships (guidance, questionnaire, tone rules, holidays, expectation
/// defaults, churn reasons). An admin may replace any of them with an edited copy kept in the database; the
/// shipped file applies again when the copy is reset.
public enum ReferenceFileName: String, Sendable, CaseIterable, Codable {
    case guidanceZh = "guidance.zh-Hans"
    case guidanceEn = "guidance.en"
    case questionnaireZh = "temperament-questionnaire.zh-Hans"
    case questionnaireEn = "temperament-questionnaire.en"
    case toneRulesZh = "tone-rules.zh-Hans"
    case toneRulesEn = "tone-rules.en"
    case holidays = "holidays"
    case expectations = "expectations"
    case churnReasons = "churn-reasons"

    public static func guidance(_ language: Language) -> Self { language == .en ? .guidanceEn : .guidanceZh }
    public static func questionnaire(_ language: Language) -> Self { language == .en ? .questionnaireEn : .questionnaireZh }

    /// Checks that a text is a valid file of this kind; the error message names what is wrong.
    public func validate(_ content: String) throws(AppError) {
        let data = Data(content.utf8)
        do {
            switch self {
            case .guidanceZh, .guidanceEn: _ = try GuidanceBook.decode(data)
            case .questionnaireZh, .questionnaireEn: _ = try TemperamentQuestionnaire.decode(data)
            case .toneRulesZh, .toneRulesEn: _ = try ToneChecker(ruleSets: [try ToneRuleSet.decode(data)])
            case .holidays: _ = try HolidayCalendar.decode(data)
            case .expectations: _ = try ExpectationPolicy.decode(data)
            case .churnReasons: _ = try ChurnTaxonomy.decode(data)
            }
        } catch {
            throw .invalid([FieldError("content", .invalid, detail: String(describing: error))])
        }
    }
}
