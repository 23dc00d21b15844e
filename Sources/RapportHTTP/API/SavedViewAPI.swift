import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// `GET/POST /views`, `DELETE /views/{id}`: the signed-in user's saved list views.
struct SavedViewAPI: Sendable {
    let app: Rapport

    struct ViewBody: Decodable {
        var list: String?
        var name: String
        var query: String?
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("views") { request, context in
            let list = request.uri.queryParameters.get("list") ?? "customers"
            return try JSONBody.response(Page(items: try await app.savedViews.list(context.acting, list: list), nextCursor: nil))
        }
        group.post("views") { request, context in
            let body = try await JSONBody.decode(ViewBody.self, from: request, context: context)
            let view = try await app.savedViews.save(context.acting, list: body.list ?? "customers", name: body.name,
                                                     query: body.query ?? "")
            return try JSONBody.response(view, status: .created)
        }
        group.delete("views/:id") { request, context in
            guard let id = context.parameters.get("id") else { throw APIError.malformed(field: "id", reason: .required) }
            _ = try await app.savedViews.delete(context.acting, id: id)
            return Response(status: .noContent)
        }
    }
}
