import Foundation
import Testing
@testable import RapportFiles

/// Independent checks against Python libraries: openpyxl must read what we write, and
/// we must read what openpyxl (inline strings) and XlsxWriter (shared strings, as
/// Excel writes them) produce. These tests fail (they do not skip) when python3,
/// openpyxl or xlsxwriter is missing.
struct XLSXPythonTests {
    @Test func openpyxlReadsWrittenWorkbook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var header = Fixtures.trickyTable.header
        var rows = Fixtures.trickyTable.rows
        header += (header.count..<30).map { "extra\($0)" }
        rows[0] += (rows[0].count..<30).map { "v\($0)" }
        let table = Table(header: header, rows: rows)
        let path = directory.path("written.xlsx")
        try XLSXWriter.write(table, sheetName: "客户/2024").write(to: URL(fileURLWithPath: path))

        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            rows = [[("" if v is None else v) for v in row] for row in ws.iter_rows(values_only=True)]
            print(json.dumps({"title": ws.title, "sheets": len(wb.worksheets), "boldHeader": bool(ws["A1"].font.b),
                              "boldData": bool(ws["A2"].font.b), "ad1": ws["AD1"].value, "rows": rows}))
            """
        struct Output: Decodable {
            var title: String
            var sheets: Int
            var boldHeader: Bool
            var boldData: Bool
            var ad1: String
            var rows: [[String]]
        }
        let output = try PythonScript.runJSON(script, arguments: [path], as: Output.self)
        #expect(output.title == "客户_2024")
        #expect(output.sheets == 1)
        #expect(output.boldHeader)
        #expect(!output.boldData)
        #expect(output.ad1 == "extra29")
        let width = header.count
        let expected = [header] + rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        #expect(output.rows == expected)
    }

    @Test func readsWorkbookWrittenByOpenpyxl() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("openpyxl.xlsx")
        let script = """
            import datetime, sys, openpyxl
            from openpyxl.cell.rich_text import CellRichText, TextBlock
            from openpyxl.cell.text import InlineFont
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "客户"
            ws.append(["公司", "电话", "金额", "整数", "日期", "时间戳", "已签约", "备注"])
            ws.append(["阿里巴巴（中国）有限公司", 13800138000, 3.5, 2.0,
                       datetime.date(2024, 3, 15), datetime.datetime(2024, 3, 15, 13, 45, 30), True, "多行\\n备注"])
            ws.append(["阿里巴巴（中国）有限公司", "0571", -0.25, 7, None, None, False, None])
            ws["A5"] = CellRichText([TextBlock(InlineFont(b=True), "粗体"), "普通", TextBlock(InlineFont(i=True), " 😀")])
            ws["H5"] = "只有备注"
            other = wb.create_sheet("Other")
            other.append(["not", "this", "sheet"])
            wb.save(sys.argv[1])
            """
        _ = try PythonScript.run(script, arguments: [path])

        let table = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(table.header == ["公司", "电话", "金额", "整数", "日期", "时间戳", "已签约", "备注"])
        #expect(table.rows == [
            ["阿里巴巴（中国）有限公司", "13800138000", "3.5", "2", "2024-03-15", "2024-03-15 13:45:30", "TRUE", "多行\n备注"],
            ["阿里巴巴（中国）有限公司", "0571", "-0.25", "7", "", "", "FALSE", ""],
            ["粗体普通 😀", "", "", "", "", "", "", "只有备注"],
        ])
    }

    @Test func readsWorkbookWrittenByXlsxWriter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("xlsxwriter.xlsx")
        let script = """
            import datetime, json, sys, zipfile, xlsxwriter
            wb = xlsxwriter.Workbook(sys.argv[1])
            ws = wb.add_worksheet("联系人")
            bold = wb.add_format({"bold": True})
            date = wb.add_format({"num_format": "yyyy-mm-dd"})
            stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
            ws.write_row(0, 0, ["姓名", "公司", "生日", "最近联系", "金额", "VIP", "公式", "备注"], bold)
            ws.write_string(1, 0, "张三")
            ws.write_string(1, 1, "阿里巴巴（中国）有限公司")
            ws.write_datetime(1, 2, datetime.date(1990, 7, 1), date)
            ws.write_datetime(1, 3, datetime.datetime(2024, 3, 15, 9, 5, 0), stamp)
            ws.write_number(1, 4, 1234.5)
            ws.write_boolean(1, 5, True)
            ws.write_formula(1, 6, '=A2&"!"', None, "张三!")
            ws.write_string(1, 7, "  spaced  ")
            ws.write_rich_string(3, 0, bold, "李", "四 😀")
            ws.write_string(3, 7, "cr\\rlf\\r\\nend")
            ws.write_string(3, 27, "")
            wb.add_worksheet("Second").write_string(0, 0, "not this sheet")
            wb.close()
            print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))
            """
        let parts = try PythonScript.runJSON(script, arguments: [path], as: [String].self)
        #expect(parts.contains("xl/sharedStrings.xml"), "XlsxWriter stores strings in sharedStrings.xml, as Excel does")

        let table = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(table.header == ["姓名", "公司", "生日", "最近联系", "金额", "VIP", "公式", "备注"])
        #expect(table.rows == [
            ["张三", "阿里巴巴（中国）有限公司", "1990-07-01", "2024-03-15 09:05:00", "1234.5", "TRUE", "张三!", "  spaced  "],
            ["李四 😀", "", "", "", "", "", "", "cr\rlf\r\nend"],
        ])
    }

    @Test func readsExcelStyleQuirks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("quirks.xlsx")
        // A hand-written package in the style of Excel itself: prefixed namespaces, a hidden
        // first sheet, phonetic runs, "_xHHHH_" escapes, formula strings, errors, cells
        // without references, a custom date format and the 1904 date system.
        let script = #"""
            import sys, zipfile
            main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            parts = {
              "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
              "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="/xl/book.xml"/></Relationships>',
              "xl/book.xml": f'<?xml version="1.0"?><x:workbook xmlns:x="{main}" xmlns:r="{rel}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Hidden" sheetId="1" state="hidden" r:id="rId7"/><x:sheet name="Data" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>',
              "xl/_rels/book.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="{rel}/worksheet" Target="sheets/hidden.xml"/><Relationship Id="rId8" Type="{rel}/worksheet" Target="sheets/data.xml"/><Relationship Id="rId9" Type="{rel}/sharedStrings" Target="strings.xml"/><Relationship Id="rId10" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
              "xl/strings.xml": f'<?xml version="1.0"?><x:sst xmlns:x="{main}"><x:si><x:t>Name</x:t></x:si><x:si><x:r><x:t xml:space="preserve">Tanaka </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Taro</x:t></x:r><x:rPh sb="0" eb="2"><x:t>タナカ</x:t></x:rPh></x:si><x:si><x:t>line_x000D_&#10;break</x:t></x:si><x:si><x:t>Joined</x:t></x:si></x:sst>',
              "xl/styles.xml": f'<?xml version="1.0"?><styleSheet xmlns="{main}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>',
              "xl/sheets/hidden.xml": f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>',
              "xl/sheets/data.xml": f'<?xml version="1.0"?><x:worksheet xmlns:x="{main}"><x:sheetData>'
                '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>Score</x:t></x:is></x:c></x:row>'
                '<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" s="1"><x:v>43904</x:v></x:c><x:c r="C3" t="str"><x:f>A3&amp;"!"</x:f><x:v>Tanaka Taro!</x:v></x:c><x:c r="D3" t="e"><x:v>#N/A</x:v></x:c></x:row>'
                '<x:row r="5"><x:c r="A5" t="s"><x:v>2</x:v></x:c><x:c r="D5"><x:v>1.0E2</x:v></x:c></x:row>'
                '</x:sheetData></x:worksheet>',
            }
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                for name, text in parts.items():
                    z.writestr(name, text.encode("utf-8"))
            print("[]")
            """#
        _ = try PythonScript.runJSON(script, arguments: [path], as: [String].self)
        let table = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(table == Table(
            header: ["Name", "Joined", "", "Score"],
            rows: [
                ["Tanaka Taro", "2024-03-15", "Tanaka Taro!", "#N/A"],
                ["line\r\nbreak", "", "", "100"],
            ]
        ))
    }

    @Test func throwsNotAnXLSX_whenPartIsNotWellFormed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("broken.xlsx")
        let script = #"""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                z.writestr("xl/workbook.xml", "<workbook><sheets><sheet r:id='rId1'></workbook>")
            """#
        _ = try PythonScript.run(script, arguments: [path])
        do {
            _ = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: path)))
            Issue.record("expected an error")
        } catch let error as FileError {
            guard case let .notAnXLSX(reason) = error else {
                Issue.record("expected notAnXLSX, got \(error)")
                return
            }
            #expect(reason.contains("xl/workbook.xml is not well-formed XML"))
        }
    }
}
