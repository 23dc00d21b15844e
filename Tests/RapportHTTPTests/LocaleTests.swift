import Foundation
import RapportApp
import RapportCore
import RapportHTTP
import RapportEdge
import RapportFiles
import RapportWeb
import Testing

/// Every user-facing text exists in both languages, and every code the server can send has a text.
@Suite struct LocaleTests {
    /// An English count reads "1 day", "3 days": a placeholder followed by a plural noun must be
    /// a choice (`{0} {0|day|days}`). Found by reading every English text, not from a list of keys.
    @Test func englishCounts_chooseSingularOrPlural() throws {
        let en = try Localizer.bundled().table(.en)
        // After a placeholder these words are verbs or names, not counted nouns.
        let notNouns: Set<String> = ["is", "was", "has", "as", "its", "this", "returns", "ends"]
        let counted = try NSRegularExpression(pattern: #"\{\d\} ([a-z]+s)\b"#)
        var missing: [String] = []
        for (key, text) in en.sorted(by: { $0.key < $1.key }) {
            let range = NSRange(text.startIndex..., in: text)
            for match in counted.matches(in: text, range: range) {
                guard let word = Range(match.range(at: 1), in: text).map({ String(text[$0]) }), !notNouns.contains(word) else { continue }
                missing.append("\(key): \(text)")
            }
            if text.contains("(s)") { missing.append("\(key): \(text)") }
        }
        #expect(missing == [])
        let localizer = try Localizer.bundled()
        for encoding in TextEncodingGuess.allCases {
            #expect(localizer.table(.en)["import.encoding.\(encoding.rawValue)"] != nil, "\(encoding)")
        }
        #expect(localizer.text("subscription.daysLeft", .en, "1") == "1 day left")
        #expect(localizer.text("subscription.daysLeft", .en, "12") == "12 days left")
        #expect(localizer.text("handover.counts", .en, "1", "0") == "1 contact record, 0 notes.")
        #expect(localizer.text("subscription.daysLeft", .zhHans, "1") == localizer.table(.zhHans)["subscription.daysLeft"]?
            .replacingOccurrences(of: "{0}", with: "1"))
    }

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
