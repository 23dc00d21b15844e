import Foundation
import RapportCore
import Testing

@Suite struct SearchTextTests {
    @Test func normalize_foldsWidthCaseAndPunctuation() {
        #expect(SearchText.normalize("ＡＢＣ 有限（公司）") == "abc有限公司")
        #expect(SearchText.normalize("138-1234 5678") == "13812345678")
        #expect(SearchText.normalize("  ") == "")
    }

    @Test func grams_coverEveryPairAndTheLastCharacter() {
        #expect(SearchText.grams(for: ["阿里巴巴"]) == "阿里 里巴 巴巴 巴")
        #expect(SearchText.grams(for: ["A", "", "Bc"]) == "a bc c")
    }

    @Test func gramQuery_needsEveryDistinctPair_orAPrefixForOneCharacter() {
        #expect(SearchText.gramQuery(for: "阿里巴") == "\"阿里\" AND \"里巴\"")
        #expect(SearchText.gramQuery(for: "巴巴巴巴") == "\"巴巴\"")
        #expect(SearchText.gramQuery(for: "阿") == "\"阿\"*")
        #expect(SearchText.gramQuery(for: "\" OR 1=1 --") == "\"or\" AND \"r1\" AND \"11\"")
        #expect(SearchText.gramQuery(for: "%%") == nil)
    }
}

@Suite struct DuplicateKeysTests {
    @Test func phone_dropsFormattingAndChinaCountryCode() {
        #expect(DuplicateKeys.normalizedPhone("+86 138-0013-8000") == "13800138000")
        #expect(DuplicateKeys.normalizedPhone("0086 13800138000") == "13800138000")
        #expect(DuplicateKeys.normalizedPhone("0571-85022088") == "057185022088")
    }

    @Test func keys_normaliseEmailAndRegistration() {
        let keys = DuplicateKeys(name: "阿里巴巴（中国）有限公司", phone: "", email: " Sales@Ali.com ", registrationNumber: "9133-0100")
        #expect(keys.name == "阿里巴巴中国有限公司")
        #expect(keys.email == "sales@ali.com")
        #expect(keys.registrationNumber == "91330100")
    }
}

@Suite struct AccessScopeTests {
    let rep = UserID(UUID()), manager = UserID(UUID()), other = UserID(UUID())
    let east = TeamID(UUID()), west = TeamID(UUID())

    func user(_ id: UserID, _ role: Role, _ team: TeamID?) -> User {
        User(id: id, username: "u", displayName: "u", role: role, teamID: team, language: nil, timeZone: "UTC", disabled: false,
             mustChangePassword: false, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0), version: 1)
    }

    @Test func rep_seesOnlyOwnCustomers() {
        let scope = Viewer.of(user(rep, .rep, east), managedTeams: []).scope
        #expect(scope.contains(owner: rep, team: east))
        #expect(!scope.contains(owner: other, team: east))
        #expect(!scope.contains(owner: nil, team: nil))
    }

    @Test func manager_seesTheirTeamsAndOwn_butNotOtherTeams() {
        let scope = Viewer.of(user(manager, .manager, east), managedTeams: [east]).scope
        #expect(scope.contains(owner: other, team: east))
        #expect(scope.contains(owner: manager, team: west))
        #expect(!scope.contains(owner: other, team: west))
    }

    @Test func admin_seesEverything() {
        #expect(Viewer.of(user(other, .admin, nil), managedTeams: []).scope.contains(owner: nil, team: nil))
    }
}

@Suite struct LanguageTests {
    @Test func negotiate_picksTheBestSupportedLanguage() {
        #expect(Language.negotiate(acceptLanguage: "en-US,en;q=0.9") == .en)
        #expect(Language.negotiate(acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .zhHans)
        #expect(Language.negotiate(acceptLanguage: "fr-FR, en;q=0.5") == .en)
        #expect(Language.negotiate(acceptLanguage: "en;q=0.2, zh;q=0.9") == .zhHans)
        #expect(Language.negotiate(acceptLanguage: nil) == .zhHans)
    }
}

@Suite struct CustomFieldTests {
    let now = Date(timeIntervalSince1970: 0)

    func field(_ kind: CustomFieldKind, options: [String] = []) -> CustomFieldDefinition {
        CustomFieldDefinition(id: CustomFieldID(UUID()), object: .customer, key: "f", labelZh: "字段", labelEn: "Field",
                              kind: kind, options: options, createdAt: now, updatedAt: now)
    }

    @Test func values_areCoercedOrRejectedByKind() throws {
        #expect(try CustomFieldDefinition.validate(["f": .text("12.5")], definitions: [field(.number)]) == ["f": .number(12.5)])
        #expect(throws: ValidationFailed.self) { try CustomFieldDefinition.validate(["f": .text("abc")], definitions: [field(.number)]) }
        #expect(throws: ValidationFailed.self) { try CustomFieldDefinition.validate(["f": .text("2026-02-30")], definitions: [field(.date)]) }
        #expect(try CustomFieldDefinition.validate(["f": .text("A; B")], definitions: [field(.multiChoice, options: ["A", "B"])]) == ["f": .list(["A", "B"])])
        #expect(throws: ValidationFailed.self) { try CustomFieldDefinition.validate(["f": .text("C")], definitions: [field(.singleChoice, options: ["A"])]) }
        #expect(throws: ValidationFailed.self) { try CustomFieldDefinition.validate(["nope": .text("x")], definitions: [field(.text)]) }
    }

    @Test func calendarDate_knowsLeapYears() {
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2026-02-29") == nil)
        #expect(CalendarDate(parsing: "1900-02-29") == nil)
        #expect(CalendarDate(parsing: "2000-02-29")?.description == "2000-02-29")
    }

    @Test func pageCursor_roundTripsAndRejectsGarbage() {
        let cursor = PageCursor(value: "阿里 | x", id: "abc")
        #expect(PageCursor(token: cursor.token) == cursor)
        #expect(PageCursor(token: "!!!") == nil)
    }
}
