import Hummingbird
import RapportApp
import RapportEdge

/// Sends requests for signed-in pages that come without a browser session to the sign-in page.
/// It sits on the group whose routes use `SessionContext`: building that context fails with
/// `AppError.unauthenticated` before any handler runs, and this turns that into the redirect.
struct SignInRedirectMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch AppError.unauthenticated {
            return PageEnvironment.redirect("/login")
        }
    }
}
