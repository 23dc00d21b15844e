import Foundation
import Hummingbird
import RapportEdge

/// Renders the bundled `Templates` folder's Mustache templates (`TemplateLibrary`), every value HTML-escaped.
public struct PageRenderer: Sendable {
    let templates: TemplateLibrary

    init(templates: TemplateLibrary) {
        self.templates = templates
    }

    private func html(_ template: String, _ context: some PageModel) -> String? {
        templates.render(template, context)
    }

    /// Parses every `*.mustache` template in the bundle; a template that does not parse stops the start.
    public static func bundled() async throws -> PageRenderer {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw LocalizerError.missingFile("Templates")
        }
        var templates = TemplateLibrary()
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            do {
                try templates.register(text, named: file.deletingPathExtension().lastPathComponent)
            } catch {
                throw TemplateError(file: file.lastPathComponent, underlying: String(describing: error))
            }
        }
        return PageRenderer(templates: templates)
    }

    /// A bundled template that does not parse.
    struct TemplateError: Error, CustomStringConvertible {
        let file: String
        let underlying: String
        var description: String { "template \(file): \(underlying)" }
    }

    /// Renders `template` with `context` into a piece of HTML for a page to embed with `{{{…}}}`:
    /// for markup repeated unchanged many times on one page, rendered once.
    func fragment(_ template: String, _ context: some PageModel) throws -> String {
        guard let html = html(template, context) else {
            throw HTTPError(.internalServerError, message: "missing template \(template)")
        }
        return html
    }

    /// Renders `template` with `context` into an HTML response.
    func render(_ template: String, _ context: some PageModel, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = html(template, context) else {
            throw HTTPError(.internalServerError, message: "missing template \(template)")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
