import Hummingbird

/// Turns Hummingbird's bare 404 (no route for the path or method) into the translated error page
/// for page paths. API paths (`/api/…`) and static files (`/static/…`) keep their plain answers,
/// and so does any 404 that already has a body (an error page or a problem+json).
///
/// Register it on the router after the API routes: router middleware applies to routes added after
/// it and to the router's not-found responder.
struct PageNotFoundMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext
    let env: PageEnvironment

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isPagePath(request.uri.path) else { return try await next(request, context) }
        do {
            let response = try await next(request, context)
            guard response.status == .notFound, response.body.contentLength == 0 else { return response }
            return notFoundPage(context)
        } catch let error as HTTPError where error.status == .notFound {
            return notFoundPage(context)
        }
    }

    private func notFoundPage(_ context: Context) -> Response {
        env.errorPage(.notFound, "problem.notFound", details: [env.text("errorPage.noSuchPage", context.language)], context: context)
    }

    /// Whether a path belongs to the pages rather than the API or the static files.
    static func isPagePath(_ path: String) -> Bool {
        !["/api", "/static"].contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
