import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Activities and notes: `/api/v1/customers/:id/activities|notes`, `/api/v1/activities/:id`, `/api/v1/notes/:id`.
struct TimelineAPI {
    let app: Rapport

    struct ActivityBody: Decodable {
        let draft: ActivityDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try ActivityDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    struct NoteBody: Decodable {
        let body: String?
        let version: Int?
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/:id/activities", use: listActivities)
        group.post("customers/:id/activities", use: createActivity)
        group.get("activities/:id", use: getActivity)
        group.patch("activities/:id", use: updateActivity)
        group.delete("activities/:id", use: deleteActivity)
        group.post("activities/:id/restore", use: restoreActivity)
        group.get("customers/:id/notes", use: listNotes)
        group.post("customers/:id/notes", use: createNote)
        group.get("notes/:id", use: getNote)
        group.patch("notes/:id", use: updateNote)
        group.delete("notes/:id", use: deleteNote)
        group.post("notes/:id/restore", use: restoreNote)
    }

    @Sendable func listActivities(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let page = try await app.activities.list(acting, of: try p.id(), limit: try p.int("limit", default: 50, range: 1...200),
                                            cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func createActivity(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(ActivityBody.self, from: request, context: context)
        let activity = try await app.activities.log(acting, customerID: customerID, body.draft)
        var response = try JSONBody.response(activity, status: .created, version: activity.version)
        response.headers[.location] = "/api/v1/activities/\(activity.id)"
        return response
    }

    @Sendable func getActivity(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let activity = try await app.activities.get(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(activity, version: activity.version)
    }

    @Sendable func updateActivity(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: ActivityID = try p.id()
        let body = try await JSONBody.decode(ActivityBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let activity = try await app.activities.update(acting, id, body.draft, version: version)
        return try JSONBody.response(activity, version: activity.version)
    }

    @Sendable func deleteActivity(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let activity = try await app.activities.delete(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(activity, version: activity.version)
    }

    @Sendable func restoreActivity(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let activity = try await app.activities.restore(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(activity, version: activity.version)
    }

    @Sendable func listNotes(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let notes = try await app.notes.list(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: notes, nextCursor: nil))
    }

    @Sendable func createNote(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(NoteBody.self, from: request, context: context)
        let note = try await app.notes.add(acting, customerID: customerID, body: body.body)
        var response = try JSONBody.response(note, status: .created, version: note.version)
        response.headers[.location] = "/api/v1/notes/\(note.id)"
        return response
    }

    @Sendable func getNote(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let note = try await app.notes.get(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(note, version: note.version)
    }

    @Sendable func updateNote(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: NoteID = try p.id()
        let body = try await JSONBody.decode(NoteBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let note = try await app.notes.update(acting, id, body: body.body, version: version)
        return try JSONBody.response(note, version: note.version)
    }

    @Sendable func deleteNote(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let note = try await app.notes.delete(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(note, version: note.version)
    }

    @Sendable func restoreNote(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let note = try await app.notes.delete(acting, try RequestParameters(request: request, context: context).id(), restore: true)
        return try JSONBody.response(note, version: note.version)
    }
}
