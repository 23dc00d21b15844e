import Foundation
import Testing
@testable import RapportFiles

struct CSVWriterTests {
    @Test func writesBOMAndCRLF() {
        let data = CSVWriter.write(Table(header: ["a", "b"], rows: [["1", "2"]]))
        #expect(Array(data) == [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n".utf8))
    }

    @Test func omitsBOM_whenAsked() {
        let data = CSVWriter.write(Table(header: ["名"], rows: []), bom: false)
        #expect(Array(data) == Array("名\r\n".utf8))
    }

    @Test func quotesOnlyFieldsThatNeedIt() {
        let table = Table(header: ["plain", "comma"], rows: [["x", "a,b"], ["say \"hi\"", "two\nlines"], [" pad", "=1+1"]])
        let text = String(decoding: CSVWriter.write(table, bom: false), as: UTF8.self)
        #expect(text == "plain,comma\r\nx,\"a,b\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n\" pad\",=1+1\r\n")
    }

    @Test func roundTrips_trickyCells() throws {
        let result = try CSVReader.read(CSVWriter.write(Fixtures.trickyTable))
        #expect(result.encoding == .utf8BOM)
        #expect(result.table == Fixtures.trickyTable)
    }

    @Test func roundTrips_withoutBOM() throws {
        let result = try CSVReader.read(CSVWriter.write(Fixtures.trickyTable, bom: false))
        #expect(result.encoding == .utf8)
        #expect(result.table == Fixtures.trickyTable)
    }
}
