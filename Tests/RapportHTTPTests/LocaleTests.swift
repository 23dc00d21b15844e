import Foundation
import RapportApp
import RapportCore
import RapportHTTP
import RapportEdge
import RapportWeb
import Testing

/// Every user-facing text exists in both languages, and every code the server can send has a text.
@Suite struct LocaleTests {
    @Test func bothLanguages_haveTheSameKeys_andNoEmptyTexts() throws {
        let localizer = try Localizer.bundled()
        let zh = localizer.table(.zhHans), en = localizer.table(.en)
        #expect(!zh.isEmpty)
        #expect(Set(zh.keys).subtracting(en.keys).sorted() == [])
        #expect(Set(en.keys).subtracting(zh.keys).sorted() == [])
        #expect(zh.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted() == [])
        #expect(en.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted() == [])
    }

    @Test func everyErrorCodeProblemAndReason_isTranslated() throws {
        let localizer = try Localizer.bundled()
        // Every case of every code the server sends, so a new case without a text fails here.
        let codes = FieldCode.allCases.map { "error.\($0.rawValue)" }
        let reasons = ForbiddenReason.allCases.map { "reason.\($0.rawValue)" }
        let malformed = MalformedReason.allCases.map { "malformed.\($0.rawValue)" }
        let entities = RecordKind.allCases.map { "entity.\($0.rawValue)" }
        let problems = ["notFound", "notFoundDetail", "forbidden", "unauthenticated", "invalid", "conflict", "duplicate",
                        "rateLimited", "passwordChangeRequired", "badRequest", "internal", "tooLarge", "tooLargeDetail",
                        "methodNotAllowed", "noSuchPath", "stageInUse"].map { "problem.\($0)" }
        let enums = CustomerKind.allCases.map { "kind.\($0.rawValue)" } + CustomerStatus.allCases.map { "status.\($0.rawValue)" }
            + Channel.allCases.map { "channel.\($0.rawValue)" } + Role.allCases.map { "role.\($0.rawValue)" }
            + Influence.allCases.map { "influence.\($0.rawValue)" }
        for language in Language.allCases {
            let table = localizer.table(language)
            #expect((codes + problems + reasons + malformed + entities + enums).filter { table[$0] == nil } == [], "\(language)")
        }
    }
}
