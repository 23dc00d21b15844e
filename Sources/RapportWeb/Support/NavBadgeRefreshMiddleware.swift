import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Drops the signed-in user's cached top-bar counts after any request that may change data
/// (every method but GET and HEAD), whether it came from a page form or the API, so the next
/// page they open counts afresh. Runs after `AuthMiddleware` and before the API and page routes.
public struct NavBadgeRefreshMiddleware: RouterMiddleware {
    public typealias Context = RapportRequestContext

    let cache: NavBadgeCache
    let now: @Sendable () -> Date

    public init(cache: NavBadgeCache, now: @escaping @Sendable () -> Date) {
        self.cache = cache
        self.now = now
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let user = context.acting?.id, request.method != .get, request.method != .head else {
            return try await next(request, context)
        }
        do {
            let response = try await next(request, context)
            await cache.forget(user, now: now())
            return response
        } catch {
            await cache.forget(user, now: now())
            throw error
        }
    }
}
