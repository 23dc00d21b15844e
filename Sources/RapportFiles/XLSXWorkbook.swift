import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the reader needs from `xl/workbook.xml`: the sheets in order and the date system.
struct XLSXWorkbook {
    /// A `<sheet>` entry.
    struct Sheet {
        var name: String
        var relationshipID: String
        var isHidden: Bool
    }

    var sheets: [Sheet] = []
    /// Whether serial dates count from 1904-01-01 instead of 1899-12-30.
    var uses1904Dates = false

    /// Parses the workbook part at `path`.
    static func parse(_ data: Data, path: String) throws(FileError) -> XLSXWorkbook {
        let handler = WorkbookHandler()
        try XMLPart.parse(data, path: path, handler: handler)
        return handler.workbook
    }
}

private final class WorkbookHandler: NSObject, XMLPartHandler {
    var failure: FileError?
    var workbook = XLSXWorkbook()

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch XMLPart.localName(elementName) {
        case "sheet":
            guard let id = attributeDict.first(where: { XMLPart.localName($0.key) == "id" })?.value else { return }
            let state = XMLPart.attribute("state", in: attributeDict) ?? "visible"
            workbook.sheets.append(.init(
                name: XMLPart.attribute("name", in: attributeDict) ?? "",
                relationshipID: id,
                isHidden: state != "visible"
            ))
        case "workbookPr":
            let value = XMLPart.attribute("date1904", in: attributeDict)
            workbook.uses1904Dates = value == "1" || value == "true"
        default:
            break
        }
    }
}
