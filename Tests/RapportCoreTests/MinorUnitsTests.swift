import RapportCore
import Testing

@Suite struct MinorUnitsTests {
    @Test func parse_readsWhatPeopleType() {
        #expect(MinorUnits.parse("12,345.6") == 1_234_560)
        #expect(MinorUnits.parse("¥ 8") == 800)
        #expect(MinorUnits.parse("-0.05") == -5)
        #expect(MinorUnits.parse(".5") == 50)
        #expect(MinorUnits.parse("1.234") == nil)
        #expect(MinorUnits.parse("abc") == nil)
        #expect(MinorUnits.parse("") == nil)
        #expect(MinorUnits.parse(".") == nil)
        #expect(MinorUnits.parse("99999999999999999999") == nil)
    }

    @Test func display_groupsThousands_andNamesTheCurrency() {
        #expect(MinorUnits.display(1_234_560, currency: "CNY") == "¥12,345.60")
        #expect(MinorUnits.display(-5, currency: "USD") == "-$0.05")
        #expect(MinorUnits.display(100_000_000, currency: "JPY") == "JPY 1,000,000.00")
        #expect(MinorUnits.plain(1_234_560) == "12345.60")
        #expect(MinorUnits.isCurrencyCode("CNY") && !MinorUnits.isCurrencyCode("cny"))
    }
}
