import Foundation
import RapportCore
import Testing

/// Reads the data files shipped in `Sources/RapportApp/Resources/Reference`, found by walking up
/// from this file (through a symlinked package too) to the repository root.
enum ShippedReference {
    static func data(_ name: String) throws -> Data {
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Sources/RapportApp/Resources/Reference/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) { return try Data(contentsOf: candidate) }
            directory.deleteLastPathComponent()
        }
        throw ReferenceDataError(path: name, problem: "not found above \(#filePath)")
    }
}

@Suite struct GuidanceBookTests {
    static let languages = ["zh-Hans", "en"]

    private func book(_ language: String) throws -> GuidanceBook {
        try GuidanceBook.decode(ShippedReference.data("guidance.\(language).json"))
    }

    private func allEntries(_ book: GuidanceBook) -> [GuidanceEntry] {
        Temperament.allCases.map { book.entry(for: $0) } + BuyerType.allCases.map { book.entry(for: $0) }
            + OnlineCustomerType.allCases.map { book.entry(for: $0) }
    }

    @Test(arguments: languages) func shippedGuidance_decodesWithEveryTextFilled(language: String) throws {
        let book = try book(language)
        #expect(book.language == language)
        for entry in allEntries(book) {
            for text in [entry.name, entry.traits, entry.open, entry.bring, entry.avoid] {
                #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            }
        }
    }

    @Test func shippedGuidance_isWrittenInEachLanguage() throws {
        let zh = try book("zh-Hans"), en = try book("en")
        #expect(zh.entry(for: Temperament.powerful).name == "力量型")
        #expect(zh.entry(for: BuyerType.slippery).name == "圆滑难缠型")
        #expect(en.entry(for: OnlineCustomerType.bargainer).name == "Bargainer")
        let han = allEntries(zh).filter { $0.open.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(han.count == allEntries(zh).count)
        #expect(!allEntries(en).contains { $0.open.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
    }

    @Test func shippedQuestionnaires_shareEveryIdAxisPoleAndWeight() throws {
        let zh = try TemperamentQuestionnaire.decode(ShippedReference.data("temperament-questionnaire.zh-Hans.json"))
        let en = try TemperamentQuestionnaire.decode(ShippedReference.data("temperament-questionnaire.en.json"))
        func shape(_ q: TemperamentQuestionnaire) -> [String] {
            q.questions.flatMap { question in
                question.options.map { "\(question.id)/\(question.axis)/\($0.id)/\($0.pole)/\($0.weight)" }
            }
        }
        #expect(shape(zh) == shape(en))
        #expect(zh.language == "zh-Hans" && en.language == "en")
        #expect((8...10).contains(zh.questions.count))
        #expect(zh.questions.filter { $0.axis == .pace }.count == zh.questions.filter { $0.axis == .focus }.count)
    }

    @Test func decode_namesAMissingBuyerType() throws {
        var json = try JSONSerialization.jsonObject(with: ShippedReference.data("guidance.en.json")) as? [String: Any] ?? [:]
        var buyers = json["buyerTypes"] as? [String: Any] ?? [:]
        buyers["slippery"] = nil
        json["buyerTypes"] = buyers
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: ReferenceDataError(path: "buyerTypes.slippery", problem: "missing")) {
            try GuidanceBook.decode(data)
        }
    }

    @Test func decode_rejectsUnknownEntriesAndBlankTexts() throws {
        let entry = #"{"name":"N","traits":"T","open":"O","bring":"B","avoid":"A"}"#
        func file(temperaments: [String: String]) -> Data {
            let table = { (keys: [String]) in keys.map { "\"\($0)\":\(entry)" }.joined(separator: ",") }
            let t = temperaments.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
            return Data(("{\"language\":\"en\",\"temperaments\":{\(t)},\"buyerTypes\":{\(table(BuyerType.allCases.map(\.rawValue)))},"
                + "\"onlineTypes\":{\(table(OnlineCustomerType.allCases.map(\.rawValue)))}}").utf8)
        }
        var complete = Dictionary(uniqueKeysWithValues: Temperament.allCases.map { ($0.rawValue, entry) })
        #expect(throws: Never.self) { try GuidanceBook.decode(file(temperaments: complete)) }

        complete["bossy"] = entry
        let unknown = #expect(throws: ReferenceDataError.self) { try GuidanceBook.decode(file(temperaments: complete)) }
        #expect(unknown?.path == "temperaments.bossy")

        complete["bossy"] = nil
        complete["powerful"] = #"{"name":"N","traits":"T","open":"  ","bring":"B","avoid":"A"}"#
        let blank = #expect(throws: ReferenceDataError.self) { try GuidanceBook.decode(file(temperaments: complete)) }
        #expect(blank == ReferenceDataError(path: "temperaments.powerful.open", problem: "must not be empty"))

        let broken = #expect(throws: ReferenceDataError.self) { try GuidanceBook.decode(Data("{".utf8)) }
        #expect(broken?.path == "")
    }

    @Test func card_isEmpty_whenNothingIsKnown() throws {
        let card = GuidanceCard(book: try book("en"), personality: Personality())
        #expect(card.isEmpty)
    }

    @Test func card_showsTemperamentThenBuyerThenOnlineType() throws {
        let book = try book("zh-Hans")
        let card = GuidanceCard(book: book, temperament: .perfect, buyerType: .faultFinding, onlineType: .regular)
        #expect(card.sections.map(\.kind) == [.temperament, .buyerType, .onlineType])
        #expect(card.sections.map(\.key) == ["perfect", "faultFinding", "regular"])
        #expect(card.sections[1].entry == book.entry(for: BuyerType.faultFinding))
        #expect(!card.sections.contains { $0.suggested })
    }

    @Test func card_marksAnUnconfirmedSuggestion_andPrefersTheConfirmedTemperament() throws {
        let book = try book("en")
        let suggested = GuidanceCard(book: book, personality: Personality(suggestedTemperament: .peaceful, onlineType: .simple))
        #expect(suggested.sections.map(\.key) == ["peaceful", "simple"])
        #expect(suggested.sections.map(\.suggested) == [true, false])

        let confirmed = GuidanceCard(book: book, personality: Personality(temperament: .powerful, suggestedTemperament: .peaceful))
        #expect(confirmed.sections.map(\.key) == ["powerful"])
        #expect(confirmed.sections.first?.suggested == false)
    }
}
