import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses `xl/sharedStrings.xml` into its list of strings.
///
/// Rich text runs (`<r><t>`) are concatenated; phonetic hints (`<rPh>`) are skipped.
struct XLSXSharedStrings {
    /// Parses the shared strings part at `path`.
    static func parse(_ data: Data, path: String) throws(FileError) -> [String] {
        let handler = SharedStringsHandler()
        try XMLPart.parse(data, path: path, handler: handler)
        return handler.strings
    }
}

private final class SharedStringsHandler: NSObject, XMLPartHandler {
    var failure: FileError?
    var strings: [String] = []
    private var text = RichTextCollector()

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let name = XMLPart.localName(elementName)
        if name == "si" { text = RichTextCollector() }
        text.start(name)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        let name = XMLPart.localName(elementName)
        text.end(name)
        if name == "si" { strings.append(text.value) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text.append(string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        text.append(whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text.append(String(decoding: CDATABlock, as: UTF8.self))
    }
}

/// Collects the text of `<t>` elements in a string item (`<si>` or `<is>`),
/// ignoring phonetic runs (`<rPh>`), and decodes Excel's "_xHHHH_" escapes.
struct RichTextCollector {
    private var raw = ""
    private var phoneticDepth = 0
    private var isInText = false

    /// The collected text.
    var value: String { XMLText.excelUnescaped(raw) }

    mutating func start(_ name: Substring) {
        if name == "rPh" { phoneticDepth += 1 }
        if name == "t", phoneticDepth == 0 { isInText = true }
    }

    mutating func end(_ name: Substring) {
        if name == "rPh" { phoneticDepth -= 1 }
        if name == "t" { isInText = false }
    }

    mutating func append(_ string: String) {
        if isInText { raw += string }
    }
}
