import Foundation
import RapportCore

/// The reference data every feature reads: shipped files, or the admin's edited copies.
extension Dependencies {
    func guidanceBook(_ language: Language) async throws -> GuidanceBook {
        try await reference.value(.guidance(language), now: env.now()) { try GuidanceBook.decode($0) }
    }

    func questionnaire(_ language: Language) async throws -> TemperamentQuestionnaire {
        try await reference.value(.questionnaire(language), now: env.now()) { try TemperamentQuestionnaire.decode($0) }
    }

    func holidayCalendar() async throws -> HolidayCalendar {
        try await reference.value(.holidays, now: env.now()) { try HolidayCalendar.decode($0) }
    }

    func expectationPolicy() async throws -> ExpectationPolicy {
        try await reference.value(.expectations, now: env.now()) { try ExpectationPolicy.decode($0) }
    }

    /// Both languages' tone rules, compiled once per edit.
    func toneChecker() async throws -> ToneChecker {
        try await reference.toneChecker(now: env.now())
    }

}
