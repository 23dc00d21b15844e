import Hummingbird
import RapportEdge

/// Turns Hummingbird's bare 404 (no route for the path or method) into a translated error page
/// for page paths: 405 with `Allow` when the path is a page taking other methods, else 404. API
/// paths (`/api/…`) and static files (`/static/…`) are left to their own handling, and so is any
/// 404 that already has a body (an error page or a problem+json).
///
/// Registered on the router: router middleware also wraps the not-found responder.
struct PageNotFoundMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext
    let env: PageEnvironment
    let known: KnownRoutes

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isPagePath(request.uri.path) else { return try await next(request, context) }
        do {
            let response = try await next(request, context)
            guard response.status == .notFound, response.body.contentLength == 0 else { return response }
            return unmatched(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return unmatched(request, context)
        }
    }

    private func unmatched(_ request: Request, _ context: Context) -> Response {
        let methods = known.methods(for: request.uri.path)
        if !methods.isEmpty, !methods.contains(request.method) {
            var response = env.errorPage(.methodNotAllowed, "problem.methodNotAllowed", context: context)
            response.headers[.allow] = KnownRoutes.allowHeader(methods)
            return response
        }
        return env.errorPage(.notFound, "problem.notFound", details: [env.text("errorPage.noSuchPage", context.language)],
                             context: context)
    }

    /// Whether a path belongs to the pages rather than the API or the static files.
    static func isPagePath(_ path: String) -> Bool {
        !["/api", "/static"].contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
