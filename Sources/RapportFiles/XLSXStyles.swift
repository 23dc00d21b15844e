import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The number formats of a workbook's cell styles, enough to tell dates from numbers.
struct XLSXStyles {
    /// The number format ID of each `cellXfs` entry, by style index.
    var formatIDs: [Int] = []
    /// Custom number format codes by ID.
    var formatCodes: [Int: String] = [:]

    /// How a cell with style index `style` displays a number.
    func dateKind(style: Int) -> ExcelDate.Kind? {
        guard formatIDs.indices.contains(style) else { return nil }
        let id = formatIDs[style]
        return ExcelDate.kind(formatID: id, code: formatCodes[id])
    }

    /// Parses the styles part at `path`.
    static func parse(_ data: Data, path: String) throws(FileError) -> XLSXStyles {
        let handler = StylesHandler()
        try XMLPart.parse(data, path: path, handler: handler)
        return handler.styles
    }
}

private final class StylesHandler: NSObject, XMLPartHandler {
    var failure: FileError?
    var styles = XLSXStyles()
    private var isInCellFormats = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch XMLPart.localName(elementName) {
        case "numFmt":
            if let id = XMLPart.attribute("numFmtId", in: attributeDict).flatMap({ Int($0) }),
               let code = XMLPart.attribute("formatCode", in: attributeDict) {
                styles.formatCodes[id] = code
            }
        case "cellXfs":
            isInCellFormats = true
        case "xf" where isInCellFormats:
            styles.formatIDs.append(XMLPart.attribute("numFmtId", in: attributeDict).flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if XMLPart.localName(elementName) == "cellXfs" { isInCellFormats = false }
    }
}
