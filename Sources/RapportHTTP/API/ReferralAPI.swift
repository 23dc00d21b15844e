import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// "Referred by" and the referral tree: `/api/v1/customers/:id/referral`, `/api/v1/contacts/:id/referral`,
/// `/api/v1/customers/:id/referral-tree`; qualification: `/api/v1/customers/:id/qualification`.
struct ReferralAPI {
    let app: Rapport

    struct ReferralReply: Encodable {
        let referral: Referral?
    }

    struct QualificationBody: Decodable {
        let draft: QualificationDraft
        let version: Int?
        private enum Keys: String, CodingKey { case version }
        init(from decoder: any Decoder) throws {
            draft = try QualificationDraft(from: decoder)
            version = try decoder.container(keyedBy: Keys.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/:id/referral", use: getCustomer)
        group.put("customers/:id/referral", use: setCustomer)
        group.delete("customers/:id/referral", use: clearCustomer)
        group.get("contacts/:id/referral", use: getContact)
        group.put("contacts/:id/referral", use: setContact)
        group.delete("contacts/:id/referral", use: clearContact)
        group.get("customers/:id/referral-tree", use: tree)
        group.get("customers/:id/qualification", use: qualification)
        group.put("customers/:id/qualification", use: updateQualification)
    }

    @Sendable func getCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: CustomerID = try RequestParameters(request: request, context: context).id()
        return try JSONBody.response(ReferralReply(referral: try await app.referrals.get(acting, ofCustomer: id)))
    }

    @Sendable func setCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: CustomerID = try RequestParameters(request: request, context: context).id()
        let draft = try await JSONBody.decode(ReferralDraft.self, from: request, context: context)
        return try JSONBody.response(try await app.referrals.setForCustomer(acting, id, draft))
    }

    @Sendable func clearCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        try await app.referrals.clearForCustomer(acting, try RequestParameters(request: request, context: context).id())
        return Response(status: .noContent)
    }

    @Sendable func getContact(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: ContactID = try RequestParameters(request: request, context: context).id()
        return try JSONBody.response(ReferralReply(referral: try await app.referrals.get(acting, ofContact: id)))
    }

    @Sendable func setContact(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: ContactID = try RequestParameters(request: request, context: context).id()
        let draft = try await JSONBody.decode(ReferralDraft.self, from: request, context: context)
        return try JSONBody.response(try await app.referrals.setForContact(acting, id, draft))
    }

    @Sendable func clearContact(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        try await app.referrals.clearForContact(acting, try RequestParameters(request: request, context: context).id())
        return Response(status: .noContent)
    }

    @Sendable func tree(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: CustomerID = try RequestParameters(request: request, context: context).id()
        return try JSONBody.response(try await app.referrals.tree(acting, of: id))
    }

    @Sendable func qualification(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let q = try await app.qualifications.get(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(q, version: q.version)
    }

    @Sendable func updateQualification(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: CustomerID = try p.id()
        let body = try await JSONBody.decode(QualificationBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let q = try await app.qualifications.update(acting, id, body.draft, version: version)
        return try JSONBody.response(q, version: q.version)
    }
}
