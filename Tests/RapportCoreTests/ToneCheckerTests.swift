import Foundation
import RapportCore
import Testing

/// The shipped rule files and the corpus, found from this file (through symlinks) upwards.
private enum ToneFiles {
    struct Corpus: Decodable {
        struct Bad: Decodable { let text: String; let category: String }
        struct Language: Decodable { let bad: [Bad]; let good: [String] }
        let zh: Language
        let en: Language
        enum CodingKeys: String, CodingKey { case zh = "zh-Hans", en }
        func sentences(_ language: String) -> Language { language == "en" ? en : zh }
    }

    static func read(_ relative: String) throws -> Data {
        var folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return try Data(contentsOf: candidate) }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: relative])
    }

    static func ruleSet(_ language: String) throws -> ToneRuleSet {
        try ToneRuleSet.decode(read("Sources/RapportApp/Resources/Reference/tone-rules.\(language).json"))
    }

    static func checker() throws -> ToneChecker { try ToneChecker(ruleSets: [ruleSet("zh-Hans"), ruleSet("en")]) }

    static func corpus() throws -> Corpus {
        try JSONDecoder().decode(Corpus.self, from: read("Tests/RapportCoreTests/Fixtures/tone-corpus.json"))
    }
}

/// A one-rule checker for focused tests.
private func checker(_ rules: ToneRule..., language: String = "en") throws -> ToneChecker {
    try ToneChecker(ruleSets: [ToneRuleSet(id: "test", language: language, rules: rules)])
}

private func phrase(_ id: String, _ patterns: [String], category: ToneCategory = .vague, exceptions: [String] = []) -> ToneRule {
    ToneRule(id: id, category: category, patterns: patterns, exceptions: exceptions, why: "why", better: "better")
}

private func decodeError(_ json: String) -> ToneRuleSetError? {
    do {
        _ = try ToneRuleSet.decode(Data(json.utf8))
        return nil
    } catch {
        return error
    }
}

private func rulesJSON(_ rules: String) -> String { #"{"id":"t","language":"en","rules":[\#(rules)]}"# }
private let okRule = #"{"id":"a","category":"vague","patterns":["maybe"],"why":"w","better":"b"}"#

@Suite struct ToneCheckerTests {
    @Test(arguments: ["zh-Hans", "en"])
    func ruleFiles_coverEveryCategory_withAtLeastFiftyRules(language: String) throws {
        let set = try ToneFiles.ruleSet(language)
        #expect(set.language == language)
        #expect(set.rules.count >= 50)
        #expect(Set(set.rules.map(\.category)) == Set(ToneCategory.allCases))
        #expect(set.rules.allSatisfy { $0.id.hasPrefix(language == "en" ? "en." : "zh.") })
    }

    @Test(arguments: ["zh-Hans", "en"])
    func corpus_badSentences_areFlaggedWithTheirCategory(language: String) throws {
        let checker = try ToneFiles.checker()
        let bad = try ToneFiles.corpus().sentences(language).bad
        #expect(bad.count >= 40)
        for sentence in bad {
            let found = checker.check(sentence.text).map(\.category.rawValue)
            #expect(found.contains(sentence.category), "\(sentence.text) → \(found)")
        }
    }

    @Test(arguments: ["zh-Hans", "en"])
    func corpus_goodSentences_produceNoFinding(language: String) throws {
        let checker = try ToneFiles.checker()
        let good = try ToneFiles.corpus().sentences(language).good
        #expect(good.count >= 40)
        for text in good {
            let found = checker.check(text).map { "\($0.ruleID): \($0.phrase)" }
            #expect(found.isEmpty, "\(text) → \(found)")
        }
    }

    @Test func ruleExamples_areThemselvesClean() throws {
        let checker = try ToneFiles.checker()
        for set in [try ToneFiles.ruleSet("zh-Hans"), try ToneFiles.ruleSet("en")] {
            for rule in set.rules {
                guard let example = rule.example else { continue }
                let found = checker.check(example).map(\.ruleID)
                #expect(found.isEmpty, "\(rule.id) example → \(found)")
            }
        }
    }

    @Test func decode_rejectsUnknownCategory_namingIndexIdAndField() {
        let error = decodeError(rulesJSON(okRule + #",{"id":"b","category":"rudeness","patterns":["x"],"why":"w","better":"b"}"#))
        #expect(error == ToneRuleSetError(setID: "t", ruleIndex: 1, ruleID: "b", field: "category", problem: .unknownValue("rudeness")))
        #expect(error?.description.contains("rule #1 (id 'b'), field 'category'") == true)
    }

    @Test func decode_rejectsDuplicateIDs_andEmptyPatterns() {
        let duplicate = decodeError(rulesJSON(okRule + "," + okRule))
        #expect(duplicate == ToneRuleSetError(setID: "t", ruleIndex: 1, ruleID: "a", field: "id", problem: .duplicate))
        let empty = decodeError(rulesJSON(#"{"id":"e","category":"vague","patterns":[],"why":"w","better":"b"}"#))
        #expect(empty == ToneRuleSetError(setID: "t", ruleIndex: 0, ruleID: "e", field: "patterns", problem: .empty))
        let blank = decodeError(rulesJSON(#"{"id":"e","category":"vague","patterns":["  "],"why":"w","better":"b"}"#))
        #expect(blank?.field == "patterns")
        let wildcard = decodeError(rulesJSON(#"{"id":"e","category":"vague","patterns":["…maybe"],"why":"w","better":"b"}"#))
        #expect(wildcard?.field == "patterns" && wildcard?.ruleID == "e")
    }

    @Test func decode_rejectsShapeErrors_withTheirField() {
        let missing = decodeError(rulesJSON(#"{"id":"m","category":"vague","patterns":["x"],"better":"b"}"#))
        #expect(missing == ToneRuleSetError(setID: "t", ruleIndex: 0, ruleID: "m", field: "why", problem: .missing))
        let wrongType = decodeError(rulesJSON(okRule + #",{"id":"w","category":"vague","patterns":"x","why":"w","better":"b"}"#))
        #expect(wrongType?.ruleIndex == 1 && wrongType?.ruleID == "w" && wrongType?.field == "patterns" && wrongType?.problem == .wrongType)
        let kind = decodeError(rulesJSON(#"{"id":"k","category":"vague","kind":"regex","patterns":["x"],"why":"w","better":"b"}"#))
        #expect(kind?.field == "kind" && kind?.problem == .unknownValue("regex"))
        let noApology = decodeError(rulesJSON(#"{"id":"r","category":"vague","kind":"refusal","patterns":["x"],"why":"w","better":"b"}"#))
        #expect(noApology?.field == "apologies" && noApology?.problem == .missing)
        let stray = decodeError(rulesJSON(#"{"id":"s","category":"vague","minLength":5,"patterns":["x"],"why":"w","better":"b"}"#))
        #expect(stray?.field == "minLength" && stray?.problem == .notAllowed(kind: "phrase"))
        if case .notJSON = decodeError("{not json")?.problem {} else { Issue.record("expected notJSON") }
    }

    @Test func checker_rejectsTheSameIDInTwoSets() {
        let set = ToneRuleSet(id: "s", language: "en", rules: [phrase("same", ["x"])])
        #expect(throws: ToneRuleSetError(setID: "s", ruleIndex: 0, ruleID: "same", field: "id", problem: .duplicate)) {
            try ToneChecker(ruleSets: [set, set])
        }
    }

    @Test func ruleSet_roundTripsThroughJSON() throws {
        let set = try ToneFiles.ruleSet("en")
        #expect(try ToneRuleSet.decode(JSONEncoder().encode(set)) == set)
    }

    @Test func match_ignoresCaseWidthAndSpacing() throws {
        let tone = try checker(phrase("p", ["should be fine", "应该没问题"]))
        #expect(tone.check("It SHOULD  be\tFine.").map(\.phrase) == ["SHOULD  be\tFine"])
        #expect(tone.check("ＳＨＯＵＬＤ ＢＥ ＦＩＮＥ").count == 1)
        #expect(tone.check("应该 没 问题").map(\.phrase) == ["应该 没 问题"])
        #expect(tone.check("should\nbe fine").isEmpty)
    }

    @Test func latinPattern_respectsWordBoundaries_butChineseDoesNot() throws {
        let tone = try checker(phrase("p", ["no way", "eta", "没门"]))
        #expect(tone.check("Norway is lovely; no wayside stops; the beta is out").isEmpty)
        #expect(tone.check("No way, ETA unknown.").map(\.phrase) == ["No way", "ETA"])
        #expect(tone.check("这事没门儿").count == 1)
    }

    @Test func findings_giveCharacterAndUTF16Offsets_inTextOrder() throws {
        let tone = try checker(phrase("a", ["maybe"]), phrase("b", ["不行"], category: .negative))
        let found = tone.check("👍🏽 你好，不行 and maybe.")
        #expect(found.map(\.ruleID) == ["b", "a"])
        #expect(found.map(\.offset) == [5, 12])
        #expect(found.map(\.length) == [2, 5])
        #expect(found.map(\.utf16Offset) == [8, 15])
        #expect(found.map(\.utf16Length) == [2, 5])
        #expect(found[0].principle == .positiveWording && found[1].principle == nil)
    }

    @Test func overlappingFindings_ofOneCategoryCollapse_intoTheLongest() throws {
        let tone = try checker(
            phrase("short", ["没问题"]), phrase("long", ["应该没问题"]), phrase("other", ["问题"], category: .negative))
        #expect(tone.check("应该没问题").map(\.ruleID) == ["long", "other"])
        #expect(tone.check("").isEmpty && tone.check(" \n ").isEmpty)
        let both = try ToneFiles.checker()
        #expect(both.check("It is 100% safe.").map(\.language) == ["en"])
        #expect(both.check("百分之百，100%没问题。").map(\.ruleID) == ["zh.overpromise.guarantee", "zh.overpromise.guarantee"])
    }

    @Test func refusal_isFlaggedOnlyWhenTheMessageHoldsNoApology() throws {
        let rule = ToneRule(id: "r", category: .refusalWithoutApology, kind: .refusal(apologies: ["sorry", "unfortunately"]),
                            patterns: ["we can't"], exceptions: ["we can't wait"], why: "w", better: "b")
        let tone = try checker(rule)
        #expect(tone.check("We can't ship before Monday.").map(\.phrase) == ["We can't"])
        #expect(tone.check("Sorry! We can't ship before Monday.").isEmpty)
        #expect(tone.check("We can't ship before Monday, unfortunately.").isEmpty)
        #expect(tone.check("We can't wait to see you.").isEmpty)
    }

    @Test func absent_flagsOnlyLongMessages_inItsOwnScript() throws {
        let thanks = ToneRule(id: "t", category: .missingThanks, kind: .absent(minLength: 20), patterns: ["thanks"], why: "w", better: "b")
        let tone = try checker(thanks)
        let long = "Your order left the warehouse today."
        let found = tone.check(long)
        #expect(found.map(\.ruleID) == ["t"])
        #expect(found.first?.offset == long.count && found.first?.length == 0 && found.first?.phrase == "")
        #expect(tone.check("Short note.").isEmpty)
        #expect(tone.check(long + " Thanks!").isEmpty)
        #expect(tone.check("您的订单今天已经从仓库发出，预计周四送达贵司仓库。").isEmpty)
    }

    @Test func exceptionsAndWildcards_narrowWhatIsFlagged() throws {
        let tone = try checker(
            phrase("send", ["发给我"], category: .command, exceptions: ["请…发给我"]),
            phrase("guess", ["应该…吧"]), language: "zh-Hans")
        #expect(tone.check("把报价发给我。").map(\.ruleID) == ["send"])
        #expect(tone.check("请您有空时把报价发给我。").isEmpty)
        #expect(tone.check("应该明天能到吧").map(\.phrase) == ["应该明天能到吧"])
        #expect(tone.check("应该是。明天吧").isEmpty)
        #expect(tone.check("应该在下个月的第一个星期再到吧").isEmpty)
    }
}
