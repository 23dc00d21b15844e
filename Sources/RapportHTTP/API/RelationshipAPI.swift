import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Relationship intelligence: personalities, situation and results, care dates, handovers,
/// agenda, tone check and after-deal summary, team type statistics.
struct RelationshipAPI {
    let app: Rapport
    let writer: AfterDealWriter

    struct PersonalityBody: Decodable {
        let draft: PersonalityDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try PersonalityDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    struct SituationBody: Decodable {
        let draft: CustomerSituationDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try CustomerSituationDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    struct ResultBody: Decodable {
        let on: CalendarDate
        let measure: ResultMeasure
        let value: Int64
        let note: String?
    }

    /// A care date's fields (`CareDate` to add one, `CareDatePatch` to change only the fields given)
    /// with the key person (`null` unlinks it) and the version beside them.
    struct CareDateRequest<Fields: Decodable>: Decodable {
        let fields: Fields
        let contactID: ContactID??
        let version: Int?
        private enum Keys: String, CodingKey { case contactID, version }
        init(from decoder: any Decoder) throws {
            fields = try Fields(from: decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            contactID = c.contains(.contactID) ? .some(try c.decodeIfPresent(ContactID.self, forKey: .contactID)) : nil
            version = try c.decodeIfPresent(Int.self, forKey: .version)
        }
    }

    struct ToneBody: Decodable {
        let text: String
    }

    struct ToneReply: Encodable {
        let findings: [ToneFinding]
    }

    struct SummaryReply: Encodable {
        let text: String
        let facts: AfterDealFacts
        let findings: [ToneFinding]
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("contacts/:id/personality") { request, context in
            try await personality(.contact(try RequestParameters(request: request, context: context).id()), context)
        }
        group.put("contacts/:id/personality") { request, context in
            try await updatePersonality(.contact(try RequestParameters(request: request, context: context).id()), request, context)
        }
        group.get("customers/:id/personality") { request, context in
            try await personality(.customer(try RequestParameters(request: request, context: context).id()), context)
        }
        group.put("customers/:id/personality") { request, context in
            try await updatePersonality(.customer(try RequestParameters(request: request, context: context).id()), request, context)
        }
        group.get("personality/questionnaire") { _, context in
            try JSONBody.response(try await app.personalities.questionnaire(context.language))
        }
        group.get("customers/:id/situation", use: situation)
        group.put("customers/:id/situation", use: updateSituation)
        group.get("customers/:id/results", use: results)
        group.post("customers/:id/results", use: recordResult)
        group.delete("customers/:id/results/:result", use: deleteResult)
        group.get("customers/:id/care-dates", use: careDates)
        group.post("customers/:id/care-dates", use: addCareDate)
        group.patch("care-dates/:id", use: updateCareDate)
        group.delete("care-dates/:id", use: deleteCareDate)
        group.post("care-dates/:id/restore", use: restoreCareDate)
        group.get("customers/:id/handovers", use: handoversOfCustomer)
        group.get("handovers", use: unreadHandovers)
        group.get("handovers/:id", use: handover)
        group.post("handovers/:id/read", use: markHandoverRead)
        group.get("agenda", use: agenda)
        group.post("tone-check", use: toneCheck)
        group.get("customers/:id/summary-draft", use: summaryDraft)
        group.get("team/personality-mix", use: personalityMix)
        group.get("admin/reference-files") { _, context in
            try JSONBody.response(Page(items: try await app.referenceData.files(context.acting), nextCursor: nil))
        }
        group.get("admin/reference-files/:name") { request, context in
            let file = try await app.referenceData.file(context.acting, try referenceName(request, context))
            return try JSONBody.response(file, version: file.version)
        }
        group.put("admin/reference-files/:name", use: saveReferenceFile)
        group.delete("admin/reference-files/:name") { request, context in
            try JSONBody.response(try await app.referenceData.reset(context.acting, try referenceName(request, context)))
        }
    }

    struct ReferenceBody: Decodable {
        let content: String
        let version: Int?
    }

    func referenceName(_ request: Request, _ context: AuthenticatedContext) throws -> String {
        guard let name = context.parameters.get("name") else { throw APIError.malformed(field: "name", reason: .required) }
        return name
    }

    @Sendable func saveReferenceFile(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(ReferenceBody.self, from: request, context: context)
        guard let version = body.version ?? RequestParameters(request: request, context: context).ifMatch() else {
            throw AppError.invalid([FieldError("version", .required)])
        }
        let file = try await app.referenceData.save(acting, try referenceName(request, context), content: body.content, version: version)
        return try JSONBody.response(file, version: file.version)
    }

    func personality(_ person: PersonRef, _ context: AuthenticatedContext) async throws -> Response {
        let view = try await app.personalities.get(context.acting, person, language: context.language)
        return try JSONBody.response(view, version: view.version)
    }

    func updatePersonality(_ person: PersonRef, _ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(PersonalityBody.self, from: request, context: context)
        let p = RequestParameters(request: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let view = try await app.personalities.update(acting, person, body.draft, version: version, language: context.language)
        return try JSONBody.response(view, version: view.version)
    }

    @Sendable func situation(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let view = try await app.situations.get(context.acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(view, version: view.version)
    }

    @Sendable func updateSituation(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: CustomerID = try p.id()
        let body = try await JSONBody.decode(SituationBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let view = try await app.situations.update(acting, of: id, body.draft, version: version)
        return try JSONBody.response(view, version: view.version)
    }

    @Sendable func results(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let items = try await app.situations.results(context.acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    @Sendable func recordResult(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(ResultBody.self, from: request, context: context)
        let result = try await app.situations.recordResult(acting, of: id, ResultRecord(on: body.on, measure: body.measure, value: body.value),
                                                note: body.note ?? "")
        return try JSONBody.response(result, status: .created)
    }

    @Sendable func deleteResult(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        try await app.situations.deleteResult(acting, of: try p.id(), try p.id("result"), restore: try p.bool("restore"))
        return Response(status: .noContent)
    }

    @Sendable func careDates(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let items = try await app.careDates.list(context.acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    @Sendable func addCareDate(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(CareDateRequest<CareDate>.self, from: request, context: context)
        let record = try await app.careDates.add(acting, customerID: id, contactID: body.contactID ?? nil, body.fields)
        var response = try JSONBody.response(record, status: .created, version: record.version)
        response.headers[.location] = "/api/v1/care-dates/\(record.id)"
        return response
    }

    @Sendable func updateCareDate(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: CareDateID = try p.id()
        let body = try await JSONBody.decode(CareDateRequest<CareDatePatch>.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let record = try await app.careDates.update(acting, id, contactID: body.contactID, body.fields, version: version)
        return try JSONBody.response(record, version: record.version)
    }

    @Sendable func deleteCareDate(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let record = try await app.careDates.delete(context.acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(record, version: record.version)
    }

    @Sendable func restoreCareDate(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let record = try await app.careDates.delete(context.acting, try RequestParameters(request: request, context: context).id(),
                                                  restore: true)
        return try JSONBody.response(record, version: record.version)
    }

    @Sendable func handoversOfCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let items = try await app.handovers.list(context.acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    @Sendable func unreadHandovers(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try JSONBody.response(Page(items: try await app.handovers.unread(context.acting), nextCursor: nil))
    }

    @Sendable func handover(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try JSONBody.response(try await app.handovers.get(context.acting, try RequestParameters(request: request, context: context).id()))
    }

    @Sendable func markHandoverRead(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try JSONBody.response(try await app.handovers.markRead(context.acting,
                                                             try RequestParameters(request: request, context: context).id()))
    }

    /// `?user=<id>` lets managers read a team member's agenda.
    @Sendable func agenda(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let agenda = try await app.agenda.build(acting, for: try RequestParameters(request: request, context: context).queryID("user"),
                                          language: context.language)
        return try JSONBody.response(agenda)
    }

    @Sendable func toneCheck(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        _ = context.acting
        let body = try await JSONBody.decode(ToneBody.self, from: request, context: context)
        return try JSONBody.response(ToneReply(findings: try await app.tone.check(body.text)))
    }

    /// `?contact=<id>&days=90&lang=en|zh-Hans`
    @Sendable func summaryDraft(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let facts = try await app.tone.afterDealFacts(acting, customerID: try p.id(), contactID: try p.queryID("contact"),
                                                 days: try p.int("days", default: 90, range: 1...730))
        let language = try p.enumValue("lang", as: Language.self) ?? context.language
        let text = writer.draft(facts, language: language)
        return try JSONBody.response(SummaryReply(text: text, facts: facts, findings: try await app.tone.check(text)))
    }

    @Sendable func personalityMix(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let rows = try await app.personalities.mix(context.acting)
        return try JSONBody.response(Page(items: rows, nextCursor: nil))
    }
}
