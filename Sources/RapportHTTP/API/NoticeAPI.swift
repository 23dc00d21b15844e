import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// The acting user's notifications: `/api/v1/notices`.
struct NoticeAPI {
    let app: Rapport

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("notices", use: list)
        group.post("notices/read", use: markAllRead)
        group.post("notices/:id/read", use: markRead)
    }

    /// `?unread=true&limit=&cursor=`
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let page = try await app.notices.list(acting, unreadOnly: try p.bool("unread"),
                                         limit: try p.int("limit", default: 50, range: 1...200), cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func markAllRead(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await app.notices.markRead(context.acting, id: nil)
        return Response(status: .noContent)
    }

    @Sendable func markRead(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        try await app.notices.markRead(acting, id: try RequestParameters(request: request, context: context).id())
        return Response(status: .noContent)
    }
}
