import Foundation
import Hummingbird
import RapportApp
import RapportCore

/// Who may open a page.
enum PageAccess: Sendable, Equatable {
    /// Anyone (sign-in page, language switch).
    case anyone
    /// A signed-in user who has no one-time password left to change.
    case signedIn
    /// A signed-in user, even one who must still change their password (the password page, sign-out).
    case duringPasswordChange
    /// Admins only; others get the 403 page.
    case admin
}

/// A page handler: gets a checked request, returns a page or a redirect, throws anything else.
typealias PageHandler = @Sendable (PageRequest) async throws -> Response

extension PageEnvironment {
    /// Wraps a handler with everything pages share, so no handler repeats it: sign-in and
    /// password-change gates, the admin check, form parsing with the anti-forgery check on
    /// every POST, and one mapping of errors to error pages or redirects.
    /// - Parameter freshBadges: count the top bar afresh instead of using the few-second cache
    ///   (the agenda and notices pages, whose own lists must agree with their counts).
    func page(_ access: PageAccess = .signedIn, freshBadges: Bool = false, _ handler: @escaping PageHandler)
        -> @Sendable (Request, RapportRequestContext) async throws -> Response {
        let env = self
        return { request, context in
            do {
                return try await env.run(access, freshBadges, request, context, handler)
            } catch {
                return env.errorResponse(for: error, context: context)
            }
        }
    }

    private func run(_ access: PageAccess, _ freshBadges: Bool, _ request: Request, _ context: RapportRequestContext,
                     _ handler: PageHandler) async throws -> Response {
        // Pages trust only the browser session; a bearer token is for the API.
        let acting = context.session == nil ? nil : context.acting
        if access != .anyone {
            guard let acting else { return Self.redirect("/login") }
            if access != .duringPasswordChange, acting.user.mustChangePassword { return Self.redirect("/account/password") }
            if access == .admin { try acting.requireAdmin() }
        }
        let csrf = context.session?.csrfToken ?? request.cookies[Self.loginCSRFCookie]?.value
        var form = FormData()
        var files: [String: UploadedFile] = [:]
        if request.method == .post {
            (form, files) = try await Self.readForm(request)
            guard let expected = csrf, let given = form["_csrf"], Self.constantTimeEqual(expected, given) else {
                throw PageError.csrf
            }
        }
        var page = PageRequest(request: request, context: context, acting: acting, form: form,
                               query: FormData(encoded: request.uri.query ?? ""), csrf: csrf, files: files)
        if let acting, request.method == .get, !acting.user.mustChangePassword {
            let app = self.app, language = context.language, logger = context.logger, cache = badgeCache
            let now = app.env.now()
            if !freshBadges, let cached = await cache.badges(for: acting.id, now: now) {
                page.badgeLoad = Task { cached }
            } else {
                page.badgeLoad = Task {
                    let badges = await NavBadges.load(app, acting, language: language, logger: logger)
                    if let badges { await cache.store(badges, for: acting.id, begun: now) }
                    return badges
                }
            }
        }
        // A handler that fails or redirects never reads the counts.
        defer { page.badgeLoad?.cancel() }
        return try await handler(page)
    }

    /// Reads a url-encoded form body, or a multipart one (file uploads: the import page).
    private static func readForm(_ request: Request) async throws -> (FormData, [String: UploadedFile]) {
        let type = request.headers[.contentType] ?? ""
        var request = request
        if type.lowercased().hasPrefix("multipart/form-data") {
            let buffer = try await request.collectBody(upTo: maxUploadBytes)
            return try MultipartForm.parse(buffer, contentType: type)
        }
        guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else { throw PageError.badRequest }
        let buffer = try await request.collectBody(upTo: maxFormBytes)
        return (FormData(encoded: String(buffer: buffer)), [:])
    }
}
