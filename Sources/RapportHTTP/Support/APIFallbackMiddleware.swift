import Hummingbird
import RapportEdge

/// Answers requests under `/api` that no route took: 405 with `Allow` when the path is known with
/// other methods, else 404 — both as problem+json, like every other API answer. Registered on the
/// router (not the API group), because router middleware also wraps the not-found responder.
struct APIFallbackMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext
    let problems: ProblemMiddleware
    let known: KnownRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == "/api" || path.hasPrefix("/api/") else { return try await next(request, context) }
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
            return problems.problem(for: MethodNotAllowed(allowed: methods), context: context)
        }
        return problems.problem(for: HTTPError(.notFound), context: context)
    }
}
