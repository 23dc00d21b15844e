import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RapportApp
import RapportCore
import RapportEdge

/// Turns every error thrown under `/api` into `application/problem+json` (RFC 9457) with a
/// translated title and, for input errors, the offending fields. Internals go to the log only.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    let localizer: Localizer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            // Browser sessions may call the API too, but unsafe methods must then prove they come
            // from our pages (the CSRF token in a header); bearer tokens need no such proof.
            if let session = context.session, ![.get, .head, .options].contains(request.method),
               request.headers[Self.csrfHeader] != session.csrfToken {
                throw AppError.forbidden(reason: .csrf)
            }
            return try await next(request, context)
        } catch {
            return problem(for: error, context: context)
        }
    }

    struct FieldProblem: Encodable {
        let field: String
        let code: String
        let message: String
    }

    struct Problem: Encodable {
        let type: String
        let title: String
        let status: Int
        var detail: String?
        var errors: [FieldProblem]?
        var duplicates: [DuplicateMatch]?
        var currentVersion: Int?
    }

    func problem(for error: any Error, context: Context) -> Response {
        let lang = context.language
        var headers = HTTPFields()
        var status: HTTPResponse.Status
        var body: Problem
        func make(_ code: HTTPResponse.Status, _ key: String) -> Problem {
            Problem(type: "https://rapport.dev/problems/\(key)", title: localizer.text("problem.\(key)", lang), status: code.code)
        }
        switch error {
        case let app as AppError:
            switch app {
            case .notFound(let entity):
                status = .notFound
                body = make(status, "notFound")
                body.detail = localizer.text("problem.notFoundDetail", lang, localizer.text("entity.\(entity.rawValue)", lang))
            case .forbidden(let reason):
                status = .forbidden
                body = make(status, "forbidden")
                body.detail = localizer.text("reason.\(reason.rawValue)", lang)
            case .unauthenticated:
                status = .unauthorized
                body = make(status, "unauthenticated")
                headers[.wwwAuthenticate] = "Bearer"
            case .invalid(let errors):
                status = .unprocessableContent
                body = make(status, "invalid")
                body.errors = errors.map { FieldProblem(field: $0.field, code: $0.code.rawValue, message: localizer.message(for: $0, lang)) }
            case .conflict(let current):
                status = .conflict
                body = make(status, "conflict")
                body.currentVersion = current
            case .duplicate(let matches):
                status = .conflict
                body = make(status, "duplicate")
                body.duplicates = matches.map { match in
                    var safe = match
                    // The use case already hides these; the edge makes sure no id of an invisible record leaves.
                    if !match.visible { safe.customerID = nil; safe.ownerID = nil; safe.contactID = nil }
                    return safe
                }
            case .rateLimited(let seconds):
                status = .tooManyRequests
                body = make(status, "rateLimited")
                headers[.retryAfter] = String(seconds)
            case .passwordChangeRequired:
                status = .forbidden
                body = make(status, "passwordChangeRequired")
            case .busy(let job):
                status = .conflict
                body = make(status, "busy")
                body.detail = localizer.text("problem.busyDetail", lang, localizer.text("job.\(job)", lang))
            }
        case let api as APIError:
            switch api {
            case .malformed(let field, let reason, let arguments):
                status = .badRequest
                body = make(status, "badRequest")
                let message = localizer.text("malformed.\(reason.rawValue)", lang, arguments)
                body.detail = message
                body.errors = [FieldProblem(field: field, code: FieldCode.malformed.rawValue, message: message)]
            case .unsupportedMediaType(let type):
                status = .unsupportedMediaType
                body = make(status, "badRequest")
                body.detail = type
            }
        case let tooLarge as BodyTooLarge:
            status = .contentTooLarge
            body = make(status, "tooLarge")
            body.detail = localizer.text("problem.tooLargeDetail", lang, String(tooLarge.megabytes))
        case let wrongMethod as MethodNotAllowed:
            status = .methodNotAllowed
            body = make(status, "methodNotAllowed")
            headers[.allow] = KnownRoutes.allowHeader(wrongMethod.allowed)
        case let http as HTTPError:
            status = http.status
            body = make(status, status.code == 404 ? "notFound" : "badRequest")
            if status.code == 404 { body.detail = localizer.text("problem.noSuchPath", lang) }
            if status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
                body = make(status, "internal")
            }
        default:
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            status = .internalServerError
            body = make(status, "internal")
        }
        headers[.contentType] = "application/problem+json; charset=utf-8"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do {
            data = try encoder.encode(body)
        } catch {
            context.logger.error("cannot encode a problem", metadata: ["error": "\(error)"])
            data = Data("{\"status\":\(status.code)}".utf8)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
