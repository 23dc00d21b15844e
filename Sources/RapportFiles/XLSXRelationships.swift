import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One relationship from a `.rels` part, with its target resolved to a package path.
struct XLSXRelationship {
    var id: String
    var type: String
    var target: String

    /// Whether the relationship's type URI ends with `/kind` (e.g. "worksheet").
    func isKind(_ kind: String) -> Bool {
        type.hasSuffix("/" + kind)
    }

    /// The relationships part for `partPath`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
    static func relationshipsPath(for partPath: String) -> String {
        let (directory, file) = split(partPath)
        return directory + "_rels/" + file + ".rels"
    }

    /// Resolves `target` relative to the part at `sourcePath` into a package path.
    static func resolve(_ target: String, from sourcePath: String) -> String {
        var components: [Substring] = []
        if !target.hasPrefix("/") {
            components = split(sourcePath).directory.split(separator: "/")
        }
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// Parses a `.rels` part whose source is the part at `sourcePath`.
    static func parse(_ data: Data, path: String, sourcePath: String) throws(FileError) -> [XLSXRelationship] {
        let handler = RelationshipsHandler()
        try XMLPart.parse(data, path: path, handler: handler)
        return handler.relationships.map {
            XLSXRelationship(id: $0.id, type: $0.type, target: resolve($0.target, from: sourcePath))
        }
    }

    private static func split(_ path: String) -> (directory: String, file: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}

/// Collects `<Relationship>` elements (external targets are ignored).
private final class RelationshipsHandler: NSObject, XMLPartHandler {
    var failure: FileError?
    var relationships: [XLSXRelationship] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard XMLPart.localName(elementName) == "Relationship",
              XMLPart.attribute("TargetMode", in: attributeDict) != "External",
              let id = XMLPart.attribute("Id", in: attributeDict),
              let type = XMLPart.attribute("Type", in: attributeDict),
              let target = XMLPart.attribute("Target", in: attributeDict) else { return }
        relationships.append(XLSXRelationship(id: id, type: type, target: target))
    }
}
