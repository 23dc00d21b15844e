import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A SAX delegate that can report a failure found while parsing.
protocol XMLPartHandler: XMLParserDelegate {
    /// The first problem the handler found; set before it aborts the parser.
    var failure: FileError? { get }
}

/// Runs `XMLParser` over package parts.
struct XMLPart {
    /// Parses `data` (the part at `path`) with `handler`.
    ///
    /// The parser reads from a stream: given all of a large part at once, libxml2
    /// (behind FoundationXML on Linux) fails with "huge input lookup" beyond 10 MB.
    static func parse(_ data: Data, path: String, handler: some XMLPartHandler) throws(FileError) {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let succeeded = parser.parse()
        if let failure = handler.failure { throw failure }
        guard succeeded else {
            let code = parser.parserError.map { ", error \(($0 as NSError).code)" } ?? ""
            throw .notAnXLSX(reason: "the part \(path) is not well-formed XML (line \(parser.lineNumber)\(code))")
        }
    }

    /// An element or attribute name without its namespace prefix.
    static func localName(_ qualifiedName: String) -> Substring {
        guard let colon = qualifiedName.lastIndex(of: ":") else { return Substring(qualifiedName) }
        return qualifiedName[qualifiedName.index(after: colon)...]
    }

    /// The value of the attribute whose local name is `name`.
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { localName($0.key) == name }?.value
    }
}
