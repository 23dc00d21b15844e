import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge
import Logging

extension PageEnvironment {
    /// Maps any error out of a page handler to what the browser should see: a redirect for
    /// "sign in first", else a translated error page. Nothing internal reaches the page;
    /// unexpected errors are logged with the request's logger.
    func errorResponse(for error: any Error, context: some EdgeContext) -> Response {
        let language = context.language
        switch error {
        case let app as AppError:
            switch app {
            case .unauthenticated: return Self.redirect("/login")
            case .passwordChangeRequired: return Self.redirect("/account/password")
            case .notFound: return errorPage(.notFound, "problem.notFound", context: context)
            case .forbidden(let reason):
                return errorPage(.forbidden, "problem.forbidden", details: [text("reason.\(reason.rawValue)", language)], context: context)
            case .invalid(let errors):
                let details = errors.map { localizer.message(for: $0, language) }
                return errorPage(.unprocessableContent, "problem.invalid", details: details, context: context)
            case .conflict: return errorPage(.conflict, "problem.conflict", context: context)
            case .duplicate: return errorPage(.conflict, "problem.duplicate", context: context)
            case .rateLimited: return errorPage(.tooManyRequests, "problem.rateLimited", context: context)
            case .busy(let job):
                return errorPage(.conflict, "problem.busy", details: [text("problem.busyDetail", language, [text("job.\(job)", language)])],
                                 context: context)
            }
        case let page as PageError:
            switch page {
            case .csrf: return errorPage(.forbidden, "problem.csrf", context: context)
            case .badRequest: return errorPage(.badRequest, "problem.badRequest", context: context)
            }
        case let tooLarge as BodyTooLarge:
            return errorPage(.contentTooLarge, "problem.tooLarge",
                             details: [text("problem.tooLargeDetail", language, [String(tooLarge.megabytes)])], context: context)
        case let http as HTTPError where http.status.code < 500:
            let key = http.status == .notFound ? "problem.notFound" : "problem.badRequest"
            return errorPage(http.status, key, context: context)
        default:
            context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"])
            return errorPage(.internalServerError, "problem.internal", context: context)
        }
    }

    /// The error page; if even that cannot be rendered, a plain translated line.
    func errorPage(_ status: HTTPResponse.Status, _ key: String, details: [String] = [],
                   context: some EdgeContext) -> Response {
        let language = context.language
        let acting = context.browserSession == nil ? nil : context.actingIfKnown
        var layout = layout(language: language, acting: acting, csrf: context.browserSession?.csrfToken, path: "/")
        layout.title = text(key, language)
        let page = ErrorPageModel(status: status.code, details: details, showHome: acting != nil)
        do {
            return try renderer.render("error", LayeredContext(model: page, layout: layout), status: status)
        } catch {
            context.logger.error("error page failed", metadata: ["error": "\(String(reflecting: error))"])
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text(key, language))))
        }
    }
}
