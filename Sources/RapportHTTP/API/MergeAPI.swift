import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Merging duplicates: `/api/v1/customers/merge`, `/api/v1/contacts/merge`, `/api/v1/merges/:id[/undo]`.
struct MergeAPI {
    let app: Rapport

    struct MergeBody: Decodable {
        let survivorID: UUID
        let mergedID: UUID
        let choices: [String: MergeChoice]?
        /// Record id → the version the caller read.
        let versions: [String: Int]?

        var versionMap: [UUID: Int] {
            var out: [UUID: Int] = [:]
            for (key, value) in versions ?? [:] { if let id = UUID(uuidString: key) { out[id] = value } }
            return out
        }
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.post("customers/merge", use: mergeCustomers)
        group.post("contacts/merge", use: mergeContacts)
        group.get("merges/:id", use: get)
        group.post("merges/:id/undo", use: undo)
    }

    @Sendable func mergeCustomers(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(MergeBody.self, from: request, context: context)
        let merge = try await app.merges.mergeCustomers(acting, survivor: CustomerID(body.survivorID), merged: CustomerID(body.mergedID),
                                                 choices: body.choices ?? [:], versions: body.versionMap)
        return try created(merge)
    }

    @Sendable func mergeContacts(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(MergeBody.self, from: request, context: context)
        let merge = try await app.merges.mergeContacts(acting, survivor: ContactID(body.survivorID), merged: ContactID(body.mergedID),
                                                choices: body.choices ?? [:], versions: body.versionMap)
        return try created(merge)
    }

    private func created(_ merge: Merge) throws -> Response {
        var response = try JSONBody.response(merge, status: .created)
        response.headers[.location] = "/api/v1/merges/\(merge.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try JSONBody.response(try await app.merges.get(context.acting,
                                                  try RequestParameters(request: request, context: context).id()))
    }

    @Sendable func undo(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try JSONBody.response(try await app.merges.undo(context.acting,
                                                      try RequestParameters(request: request, context: context).id()))
    }
}
