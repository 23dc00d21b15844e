import Foundation
import Testing
@testable import RapportFiles

struct XLSXInternalsTests {
    @Test func namesColumns() {
        let names = [0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16_383: "XFD"]
        for (index, name) in names {
            #expect(CellReference.columnName(index) == name)
            #expect(CellReference.parse(name + "7")?.column == index)
        }
    }

    @Test func parsesCellReferences() {
        #expect(CellReference.parse("B3")?.row == 3)
        #expect(CellReference.parse("$AA$10")?.column == 26)
        #expect(CellReference.parse("aa10")?.column == 26)
        #expect(CellReference.parse("10") == nil)
        #expect(CellReference.parse("A") == nil)
        #expect(CellReference.parse("A1B") == nil)
    }

    @Test func normalizesNumberText() {
        let cases = [
            "42": "42", "42.0": "42", "-3.50": "-3.5", "0.0": "0", "3.14": "3.14",
            "13800138000": "13800138000", "1.3800138E10": "13800138000",
            "0.30000000000000004": "0.3", "12.300000000000001": "12.3", "1E-3": "0.001", "text": "text",
        ]
        for (stored, expected) in cases {
            #expect(NumberText.normalized(stored) == expected, "\(stored)")
        }
    }

    @Test func convertsSerialDates() {
        #expect(ExcelDate.text(serial: 45366, kind: .date, uses1904Dates: false) == "2024-03-15")
        #expect(ExcelDate.text(serial: 45366.573263888889, kind: .date, uses1904Dates: false) == "2024-03-15 13:45:30")
        #expect(ExcelDate.text(serial: 1, kind: .date, uses1904Dates: false) == "1900-01-01")
        #expect(ExcelDate.text(serial: 59, kind: .date, uses1904Dates: false) == "1900-02-28")
        #expect(ExcelDate.text(serial: 60, kind: .date, uses1904Dates: false) == "1900-02-29")
        #expect(ExcelDate.text(serial: 61, kind: .date, uses1904Dates: false) == "1900-03-01")
        #expect(ExcelDate.text(serial: 0, kind: .date, uses1904Dates: true) == "1904-01-01")
        #expect(ExcelDate.text(serial: 43904, kind: .date, uses1904Dates: true) == "2024-03-15")
        #expect(ExcelDate.text(serial: 0.75, kind: .time, uses1904Dates: false) == "18:00:00")
        #expect(ExcelDate.text(serial: 1.5, kind: .duration, uses1904Dates: false) == "36:00:00")
        #expect(ExcelDate.text(serial: -1, kind: .date, uses1904Dates: false) == nil)
    }

    @Test func classifiesNumberFormats() {
        #expect(ExcelDate.kind(formatID: 14, code: nil) == .date)
        #expect(ExcelDate.kind(formatID: 22, code: nil) == .date)
        #expect(ExcelDate.kind(formatID: 20, code: nil) == .time)
        #expect(ExcelDate.kind(formatID: 0, code: nil) == nil)
        #expect(ExcelDate.kind(formatID: 2, code: nil) == nil)
        #expect(ExcelDate.kind(formatID: 176, code: "yyyy/m/d;@") == .date)
        #expect(ExcelDate.kind(formatID: 177, code: "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(ExcelDate.kind(formatID: 178, code: "h:mm AM/PM") == .time)
        #expect(ExcelDate.kind(formatID: 179, code: "[h]:mm:ss") == .duration)
        #expect(ExcelDate.kind(formatID: 180, code: "[Red]#,##0.00") == nil)
        #expect(ExcelDate.kind(formatID: 181, code: "0\" days\"") == nil)
        #expect(ExcelDate.kind(formatID: 182, code: "General") == nil)
    }

    @Test func escapesAndUnescapesExcelSequences() {
        #expect(XMLText.excelUnescaped("a_x000D_b_x0041_") == "a\rbA")
        #expect(XMLText.excelEscaped("x_x0041_y") == "x_x005F_x0041_y")
        #expect(XMLText.excelUnescaped(XMLText.excelEscaped("x_x0041_y_xZZZZ_")) == "x_x0041_y_xZZZZ_")
    }

    @Test func resolvesRelationshipTargets() {
        #expect(XLSXRelationship.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXRelationship.resolve("/xl/worksheets/sheet2.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet2.xml")
        #expect(XLSXRelationship.resolve("../shared/strings.xml", from: "xl/workbook.xml") == "shared/strings.xml")
        #expect(XLSXRelationship.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
        #expect(XLSXRelationship.relationshipsPath(for: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
    }
}
