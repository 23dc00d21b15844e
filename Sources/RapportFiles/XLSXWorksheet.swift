import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The non-empty cell texts of a worksheet, by 1-based row and zero-based column.
struct XLSXWorksheet {
    /// Formatting context needed to turn stored values into text.
    struct Context {
        var sharedStrings: [String]
        var styles: XLSXStyles
        var uses1904Dates: Bool
    }

    /// Cell texts keyed by row number, then column index.
    var cells: [Int: [Int: String]] = [:]

    /// Parses the worksheet part at `path`.
    static func parse(_ data: Data, path: String, context: Context) throws(FileError) -> XLSXWorksheet {
        let handler = WorksheetHandler(context: context)
        try XMLPart.parse(data, path: path, handler: handler)
        return handler.sheet
    }
}

private final class WorksheetHandler: NSObject, XMLPartHandler {
    /// The `<c>` element being read.
    private struct Cell {
        var row: Int
        var column: Int
        var type: String
        var style: Int
        var value = ""
        var inlineText = RichTextCollector()
    }

    var failure: FileError?
    var sheet = XLSXWorksheet()
    private let context: XLSXWorksheet.Context
    private var currentRow = 0
    private var lastColumn = -1
    private var cell: Cell?
    private var isInValue = false
    private var isInInlineString = false

    init(context: XLSXWorksheet.Context) {
        self.context = context
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let name = XMLPart.localName(elementName)
        switch name {
        case "row":
            currentRow = XMLPart.attribute("r", in: attributeDict).flatMap { Int($0) } ?? currentRow + 1
            lastColumn = -1
        case "c":
            var position = (row: currentRow, column: lastColumn + 1)
            if let reference = XMLPart.attribute("r", in: attributeDict) {
                guard let parsed = CellReference.parse(reference) else {
                    fail(parser, .malformedXLSX(row: currentRow, reason: "the cell reference \"\(reference)\" is invalid"))
                    return
                }
                position = parsed
            }
            lastColumn = position.column
            cell = Cell(
                row: position.row, column: position.column,
                type: XMLPart.attribute("t", in: attributeDict) ?? "n",
                style: XMLPart.attribute("s", in: attributeDict).flatMap { Int($0) } ?? 0
            )
        case "v":
            isInValue = cell != nil
        case "is":
            isInInlineString = cell != nil
        default:
            break
        }
        if isInInlineString { cell?.inlineText.start(name) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        let name = XMLPart.localName(elementName)
        if isInInlineString { cell?.inlineText.end(name) }
        switch name {
        case "v":
            isInValue = false
        case "is":
            isInInlineString = false
        case "c":
            guard let finished = cell else { return }
            cell = nil
            do {
                let text = try self.text(of: finished)
                if !text.isEmpty { sheet.cells[finished.row, default: [:]][finished.column] = text }
            } catch {
                fail(parser, error)
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        append(whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ string: String) {
        if isInValue {
            cell?.value += string
        } else if isInInlineString {
            cell?.inlineText.append(string)
        }
    }

    /// The display text of a finished cell.
    private func text(of cell: Cell) throws(FileError) -> String {
        switch cell.type {
        case "s":
            guard let index = Int(cell.value.trimmingCharacters(in: .whitespaces)),
                  context.sharedStrings.indices.contains(index) else {
                throw .malformedXLSX(row: cell.row, reason: "the shared string index \"\(cell.value)\" is invalid")
            }
            return context.sharedStrings[index]
        case "inlineStr":
            let inline = cell.inlineText.value
            return inline.isEmpty ? XMLText.excelUnescaped(cell.value) : inline
        case "str":
            return XMLText.excelUnescaped(cell.value)
        case "b":
            switch cell.value.trimmingCharacters(in: .whitespaces) {
            case "1": return "TRUE"
            case "0": return "FALSE"
            default: return cell.value
            }
        case "e", "d":
            return cell.value
        default:
            let number = NumberText.normalized(cell.value)
            if let kind = context.styles.dateKind(style: cell.style), let serial = Double(number),
               let date = ExcelDate.text(serial: serial, kind: kind, uses1904Dates: context.uses1904Dates) {
                return date
            }
            return number
        }
    }

    private func fail(_ parser: XMLParser, _ error: FileError) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }
}
