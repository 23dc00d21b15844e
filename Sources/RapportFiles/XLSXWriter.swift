import Foundation
import ZIPFoundation

/// Writes a table as a single-sheet XLSX workbook.
public struct XLSXWriter {
    /// Excel's limits: rows and columns per sheet, characters (UTF-16 units) per cell.
    private static let maxRows = 1_048_576
    private static let maxColumns = 16_384
    private static let maxCellLength = 32_767

    /// Encodes `table` as an XLSX workbook with one worksheet.
    ///
    /// All cells are written as text (inline strings), so leading zeros and long
    /// digit strings such as phone numbers survive; the header row is bold and
    /// frozen. Characters XML 1.0 cannot hold are dropped.
    /// - Parameters:
    ///   - table: The table; row 1 is the header.
    ///   - sheetName: The worksheet's name; characters Excel forbids (`[]:*?/\`) are
    ///     replaced by "_" and the name is cut to 31 characters.
    /// - Returns: The workbook's bytes.
    /// - Throws: ``FileError/cannotWriteXLSX(reason:)`` if the table exceeds Excel's
    ///   limits or the archive cannot be built.
    public static func write(_ table: Table, sheetName: String = "Sheet1") throws(FileError) -> Data {
        let parts = [
            ("[Content_Types].xml", XLSXTemplates.contentTypes),
            ("_rels/.rels", XLSXTemplates.packageRelationships),
            ("xl/workbook.xml", XLSXTemplates.workbook(sheetName: XLSXSheetName.sanitized(sheetName))),
            ("xl/_rels/workbook.xml.rels", XLSXTemplates.workbookRelationships),
            ("xl/styles.xml", XLSXTemplates.styles),
            ("xl/worksheets/sheet1.xml", try worksheet(table)),
        ]
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count),
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else {
                throw FileError.cannotWriteXLSX(reason: "the in-memory ZIP archive has no data")
            }
            return data
        } catch let error as FileError {
            throw error
        } catch {
            throw .cannotWriteXLSX(reason: "building the ZIP archive failed (\(error))")
        }
    }

    /// The worksheet part, with every non-empty cell as an inline string.
    private static func worksheet(_ table: Table) throws(FileError) -> String {
        let allRows = [table.header] + table.rows
        guard allRows.count <= maxRows else {
            throw .cannotWriteXLSX(reason: "\(allRows.count) rows exceed Excel's limit of \(maxRows)")
        }
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            </sheetView></sheetViews><sheetData>
            """
        for (rowIndex, cells) in allRows.enumerated() {
            guard cells.count <= maxColumns else {
                throw .cannotWriteXLSX(reason: "row \(rowIndex + 1) has \(cells.count) cells; Excel allows \(maxColumns)")
            }
            let rowNumber = rowIndex + 1
            let style = rowIndex == 0 ? " s=\"1\"" : ""
            xml += "<row r=\"\(rowNumber)\">"
            for (columnIndex, cell) in cells.enumerated() {
                let text = XMLText.legalCharacters(cell)
                guard !text.isEmpty else { continue }
                let reference = CellReference.columnName(columnIndex) + String(rowNumber)
                guard text.utf16.count <= maxCellLength else {
                    throw .cannotWriteXLSX(reason: "cell \(reference) is longer than \(maxCellLength) characters")
                }
                let content = XMLText.escaped(XMLText.excelEscaped(text))
                xml += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(content)</t></is></c>"
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return xml
    }
}
