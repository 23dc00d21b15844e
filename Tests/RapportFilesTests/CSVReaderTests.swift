import Foundation
import Testing
@testable import RapportFiles

struct CSVReaderTests {
    private func readError(_ data: Data) -> FileError? {
        do {
            _ = try CSVReader.read(data)
            return nil
        } catch {
            return error
        }
    }

    private func malformedLine(_ text: String) -> Int? {
        guard case let .malformedCSV(line, _)? = readError(Data(text.utf8)) else { return nil }
        return line
    }

    @Test func reads_whenUTF8WithoutBOM() throws {
        let result = try CSVReader.read(Data("name,city\nAlice,北京\n".utf8))
        #expect(result.encoding == .utf8)
        #expect(result.table == Table(header: ["name", "city"], rows: [["Alice", "北京"]]))
    }

    @Test func reads_whenUTF8BOM() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("name,city\r\nAlice,上海\r\n".utf8))
        let result = try CSVReader.read(data)
        #expect(result.encoding == .utf8BOM)
        #expect(result.table.header == ["name", "city"])
        #expect(result.table.header[0].unicodeScalars.count == 4)
        #expect(result.table.rows == [["Alice", "上海"]])
    }

    @Test func reads_whenGB18030() throws {
        let text = "公司名称,联系人,电话\r\n阿里巴巴（中国）有限公司,张三,0571-85022088\r\n\"腾讯，深圳\",李四,😀\r\n"
        let data = try GB18030Encoder.encode(text)
        #expect(String(data: data, encoding: .utf8) == nil, "fixture must not be valid UTF-8")
        let result = try CSVReader.read(data)
        #expect(result.encoding == .gb18030)
        #expect(result.table.header == ["公司名称", "联系人", "电话"])
        #expect(result.table.rows == [
            ["阿里巴巴（中国）有限公司", "张三", "0571-85022088"],
            ["腾讯，深圳", "李四", "😀"],
        ])
    }

    @Test func reads_whenUTF16LittleEndianBOM() throws {
        let body = try #require("name,city\r\n王五,广州\r\n".data(using: .utf16LittleEndian))
        let result = try CSVReader.read(Data([0xFF, 0xFE]) + body)
        #expect(result.encoding == .utf16LE)
        #expect(result.table == Table(header: ["name", "city"], rows: [["王五", "广州"]]))
    }

    @Test func reads_whenUTF16BigEndianBOM() throws {
        let body = try #require("name,city\n王五,广州\n".data(using: .utf16BigEndian))
        let result = try CSVReader.read(Data([0xFE, 0xFF]) + body)
        #expect(result.encoding == .utf16BE)
        #expect(result.table == Table(header: ["name", "city"], rows: [["王五", "广州"]]))
    }

    @Test func throwsUnreadableEncoding_whenBytesAreNoKnownText() {
        #expect(readError(Data([0x61, 0x2C, 0xFF, 0xFF, 0x41, 0x0A])) == .unreadableEncoding)
    }

    @Test func throwsUnreadableEncoding_whenUTF16HasOddLength() {
        #expect(readError(Data([0xFF, 0xFE, 0x61, 0x00, 0x62])) == .unreadableEncoding)
    }

    @Test func parsesQuotedCommasQuotesAndNewlines() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\"\",\"\"\"\",\"multi\nline\nthree\"\r\n"
        let table = try CSVReader.read(Data(text.utf8)).table
        #expect(table.rows == [
            ["x, y", "say \"hi\"", "two\r\nlines"],
            ["", "\"", "multi\nline\nthree"],
        ])
    }

    @Test func reads_whenLineEndsAreCROnlyOrMixed() throws {
        let table = try CSVReader.read(Data("a,b\r1,2\n3,4\r\n5,6".utf8)).table
        #expect(table.rows == [["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func skipsBlankLinesAndTrailingNewlines() throws {
        let table = try CSVReader.read(Data("\n\na,b\n\n1,2\r\n\r\n,\n3,4\n\n\n".utf8)).table
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"], ["3", "4"]])
    }

    @Test func trimsHeaderCellsButNotDataCells() throws {
        let table = try CSVReader.read(Data(" name ,\tcity\n Bob , Paris \n".utf8)).table
        #expect(table.header == ["name", "city"])
        #expect(table.rows == [[" Bob ", " Paris "]])
    }

    @Test func padsShortRows() throws {
        let table = try CSVReader.read(Data("a,b,c\n1\n2,3\n".utf8)).table
        #expect(table.rows == [["1", "", ""], ["2", "3", ""]])
    }

    @Test func acceptsLongRows_whenExtraCellsAreEmpty() throws {
        let table = try CSVReader.read(Data("a,b\n1,2,,\n".utf8)).table
        #expect(table.rows == [["1", "2"]])
    }

    @Test func throwsWithLineNumber_whenExtraCellHasValue() {
        // The record on lines 2-3 holds a quoted line break, so "5,6,7" is on line 5.
        #expect(malformedLine("a,b\n\"x\ny\",1\n3,4\n5,6,7\n") == 5)
    }

    @Test func throwsWithLineNumber_whenQuoteIsNeverClosed() {
        #expect(malformedLine("a,b\n1,2\n3,\"open\n4,5\n") == 3)
    }

    @Test func throwsWithLineNumber_whenTextFollowsClosingQuote() {
        #expect(malformedLine("a,b\n1,\"x\"y\n") == 2)
    }

    @Test func keepsQuoteInsideUnquotedField() throws {
        let table = try CSVReader.read(Data("size,name\n5\" screen,TV\n".utf8)).table
        #expect(table.rows == [["5\" screen", "TV"]])
    }

    @Test func throwsEmptyFile_whenNoData() {
        #expect(readError(Data()) == .emptyFile)
        #expect(readError(Data("\r\n\n,,\n".utf8)) == .emptyFile)
        #expect(readError(Data([0xEF, 0xBB, 0xBF])) == .emptyFile)
    }

    @Test func readsHeaderOnly() throws {
        let table = try CSVReader.read(Data("a,b".utf8)).table
        #expect(table == Table(header: ["a", "b"], rows: []))
    }

    @Test func throwsTooLarge_whenOver50MB() {
        var data = Data(repeating: UInt8(ascii: "a"), count: FileLimits.maxInputBytes + 1)
        data[10] = UInt8(ascii: ",")
        #expect(readError(data) == .tooLarge)
    }

    @Test func forEachRow_deliversHeaderThenNormalizedRows() throws {
        var rows: [[String]] = []
        let encoding = try CSVReader.forEachRow(Data(" a ,b\n1\n\n2,3\n".utf8)) { rows.append($0) }
        #expect(encoding == .utf8)
        #expect(rows == [["a", "b"], ["1", ""], ["2", "3"]])
    }

    @Test func forEachRow_rethrowsBodyError() {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try CSVReader.forEachRow(Data("a\n1\n2\n".utf8)) { _ in
                calls += 1
                if calls == 2 { throw Stop() }
            }
        }
        #expect(calls == 2)
    }

    @Test func errorsHaveHumanReadableDescriptions() {
        #expect(FileError.malformedCSV(line: 7, reason: "a quoted field is never closed").description
            == "CSV line 7: a quoted field is never closed.")
        #expect(FileError.tooLarge.localizedDescription.contains("50 MB"))
    }
}
