import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Pipeline stages: `/api/v1/deal-stages[/:id]` (everyone reads; admins create, change, delete).
struct DealStageAPI {
    let app: Rapport
    let localizer: Localizer

    struct StageBody: Decodable {
        var draft: DealStageDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try DealStageDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("deal-stages", use: list)
        group.post("deal-stages", use: create)
        group.get("deal-stages/:id", use: get)
        group.patch("deal-stages/:id", use: update)
        group.delete("deal-stages/:id", use: delete)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let stages = try await app.dealStages.list(context.acting)
        return try JSONBody.response(Page(items: stages, nextCursor: nil))
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let id: DealStageID = try RequestParameters(request: request, context: context).id()
        guard let stage = try await app.dealStages.list(context.acting).first(where: { $0.id == id }) else {
            throw AppError.notFound(entity: .dealStage)
        }
        return try JSONBody.response(stage, version: stage.version)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(StageBody.self, from: request, context: context)
        let stage = try await app.dealStages.create(acting, body.draft)
        var response = try JSONBody.response(stage, status: .created, version: stage.version)
        response.headers[.location] = "/api/v1/deal-stages/\(stage.id)"
        return response
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: DealStageID = try p.id()
        let body = try await JSONBody.decode(StageBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let stage = try await app.dealStages.update(acting, id, body.draft, version: version)
        return try JSONBody.response(stage, version: stage.version)
    }

    /// A stage that still holds open deals answers 409 saying so (not 422: nothing is wrong with the input).
    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: DealStageID = try RequestParameters(request: request, context: context).id()
        do {
            let stage = try await app.dealStages.delete(acting, id)
            return try JSONBody.response(stage, version: stage.version)
        } catch AppError.invalid(let errors) where errors.contains(where: { $0.code == .inUse }) {
            return try inUse(errors, context: context)
        }
    }

    private func inUse(_ errors: [FieldError], context: AuthenticatedContext) throws -> Response {
        let lang = context.language
        let problems = errors.map { ["field": $0.field, "code": $0.code.rawValue, "message": localizer.message(for: $0, lang)] }
        let body: [String: any Sendable] = [
            "type": "https://rapport.dev/problems/stageInUse", "title": localizer.text("problem.stageInUse", lang),
            "status": 409, "detail": problems.first?["message"] ?? "", "errors": problems,
        ]
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return Response(status: .conflict, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
