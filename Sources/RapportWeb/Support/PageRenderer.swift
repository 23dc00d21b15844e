import Foundation
import Hummingbird
import RapportEdge
import Mustache

/// Renders Mustache templates (HTML-escaped by default) from the bundled `Templates` folder.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    public init(library: MustacheLibrary) {
        self.library = library
    }

    /// Loads every `*.mustache` template in the bundle, each escaping its values with
    /// `HTMLEscaping` (a content-type pragma put in front of the file's text).
    public static func bundled() async throws -> PageRenderer {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw LocalizerError.missingFile("Templates")
        }
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            do {
                try library.register(pragma + text, named: file.deletingPathExtension().lastPathComponent)
            } catch {
                throw TemplateError(file: file.lastPathComponent, underlying: String(describing: error))
            }
        }
        return PageRenderer(library: library)
    }

    /// A bundled template that does not parse.
    struct TemplateError: Error, CustomStringConvertible {
        let file: String
        let underlying: String
        var description: String { "template \(file): \(underlying)" }
    }

    /// Renders `template` with `context` into a piece of HTML for a page to embed with `{{{…}}}`:
    /// for markup repeated unchanged many times on one page, rendered once.
    public func fragment(_ template: String, _ context: some MustacheParent) throws -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "missing template \(template)")
        }
        return html
    }

    /// Renders `template` with `context` into an HTML response.
    public func render(_ template: String, _ context: some MustacheParent, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = library.render(context, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "missing template \(template)")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
