import Foundation
import Testing
@testable import RapportFiles

struct XLSXRoundTripTests {
    private func readError(_ data: Data) -> FileError? {
        do {
            _ = try XLSXReader.read(data)
            return nil
        } catch {
            return error
        }
    }

    @Test func roundTrips_trickyCells() throws {
        let data = try XLSXWriter.write(Fixtures.trickyTable)
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try XLSXReader.read(data) == Fixtures.trickyTable)
    }

    @Test func roundTrips_whitespaceOnlyAndEscapeLookalikeCells() throws {
        let table = Table(
            header: ["a", "b", "c"],
            rows: [[" ", "_x000D_ literal", "<tag attr=\"1\"> & </tag>"], ["\n", "]]>", "x_x0041_y"]]
        )
        #expect(try XLSXReader.read(try XLSXWriter.write(table)) == table)
    }

    @Test func roundTrips_beyond26Columns() throws {
        let header = (0..<60).map { "col\($0)" }
        let rows = [(0..<60).map { "r1c\($0)" }, (0..<60).map { $0 % 7 == 0 ? "" : "r2c\($0)" }]
        let table = Table(header: header, rows: rows)
        #expect(try XLSXReader.read(try XLSXWriter.write(table)) == table)
    }

    /// libxml2 refuses a part of more than 10 MB handed over in one piece; the reader must stream it.
    @Test func roundTrips_whenWorksheetXMLExceeds10MB() throws {
        let header = (0..<10).map { "column \($0)" }
        let rows = (0..<16_000).map { row in (0..<10).map { "row \(row) cell \($0) 客户" } }
        let table = Table(header: header, rows: rows)
        let read = try XLSXReader.read(try XLSXWriter.write(table))
        #expect(read.rows.count == rows.count)
        #expect(read == table)
    }

    @Test func padsShortRowsAndSkipsEmptyRows() throws {
        let written = Table(header: ["a", "b", "c"], rows: [["1"], ["", "", ""], ["", "2"]])
        let read = try XLSXReader.read(try XLSXWriter.write(written))
        #expect(read == Table(header: ["a", "b", "c"], rows: [["1", "", ""], ["", "2", ""]]))
    }

    @Test func dropsCharactersIllegalInXML() throws {
        let written = Table(header: ["a"], rows: [["bell\u{7}null\u{0}end\u{FFFE}"]])
        #expect(try XLSXReader.read(try XLSXWriter.write(written)).rows == [["bellnullend"]])
    }

    @Test func throwsWithRow_whenValueBeyondHeader() {
        let data: Data
        do {
            data = try XLSXWriter.write(Table(header: ["a"], rows: [["1"], ["2", "extra"]]))
        } catch {
            Issue.record("write failed: \(error)")
            return
        }
        guard case let .malformedXLSX(row, reason)? = readError(data) else {
            Issue.record("expected malformedXLSX")
            return
        }
        #expect(row == 3)
        #expect(reason.contains("B3"))
    }

    @Test func throwsCannotWrite_whenCellExceedsExcelLimit() {
        let table = Table(header: ["a"], rows: [[String(repeating: "x", count: 32_768)]])
        #expect(throws: FileError.self) { try XLSXWriter.write(table) }
    }

    @Test func throwsNotAnXLSX_whenDataIsNotZIP() {
        guard case .notAnXLSX? = readError(Data("name,phone\n".utf8)) else {
            Issue.record("expected notAnXLSX")
            return
        }
    }

    @Test func throwsEmptyFile_whenSheetHasNoCells() throws {
        #expect(readError(try XLSXWriter.write(Table(header: [], rows: []))) == .emptyFile)
        #expect(readError(Data()) == .emptyFile)
    }

    @Test func throwsTooLarge_whenOver50MB() {
        var data = Data(count: FileLimits.maxInputBytes + 1)
        data.replaceSubrange(0..<4, with: [0x50, 0x4B, 0x03, 0x04])
        #expect(readError(data) == .tooLarge)
    }

    @Test func sanitizesSheetNames() {
        #expect(XLSXSheetName.sanitized("Q1/Q2: [draft]*?") == "Q1_Q2_ _draft___")
        #expect(XLSXSheetName.sanitized("'quoted'") == "quoted")
        #expect(XLSXSheetName.sanitized(String(repeating: "客", count: 40)) == String(repeating: "客", count: 31))
        #expect(XLSXSheetName.sanitized("") == "Sheet1")
        #expect(XLSXSheetName.sanitized("History") == "Sheet1")
    }
}
