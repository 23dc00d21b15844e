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
    static func parse(_ data: Data, path: String, handler: some XMLPartHandler) throws(FileError) {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let succeeded = parser.parse()
        if let failure = handler.failure { throw failure }
        guard succeeded else {
            let detail = parser.parserError.map { " (\($0.localizedDescription))" } ?? ""
            throw .notAnXLSX(reason: "the part \(path) is not well-formed XML\(detail)")
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
