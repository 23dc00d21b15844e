import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// What a signed-in page further requires of its user.
enum PageAccess: Sendable, Equatable {
    /// A signed-in user who has no one-time password left to change.
    case signedIn
    /// A signed-in user, even one who must still change their password (the password page, sign-out).
    case duringPasswordChange
    /// Admins only; others get the 403 page.
    case admin
}

/// A signed-in page handler: gets a checked request, returns a page or a redirect, throws anything else.
typealias PageHandler = @Sendable (PageRequest) async throws -> Response
/// A handler of a page anyone may open.
typealias PublicPageHandler = @Sendable (PublicPageRequest) async throws -> Response

extension PageEnvironment {
    /// Wraps a signed-in page's handler with everything pages share, so no handler repeats it: the
    /// password-change gate, the admin check, form parsing with the anti-forgery check on every POST,
    /// the top bar's counts, and one mapping of errors to error pages or redirects. The route must be
    /// registered in the `SessionContext` group, which has already refused requests without a user.
    /// - Parameter badges: how the top bar's counts are had (the few-second cache unless the page's
    ///   own list must agree with its count).
    func page(_ access: PageAccess = .signedIn, badges: BadgeCounting = .cached, _ handler: @escaping PageHandler)
        -> @Sendable (Request, SessionContext) async throws -> Response {
        let env = self
        return { request, context in
            do {
                return try await env.run(access, badges, request, context, handler)
            } catch {
                return env.errorResponse(for: error, context: context)
            }
        }
    }

    /// Wraps the handler of a page anyone may open (sign-in, language switch): forms are parsed and
    /// their anti-forgery token checked (the session's, or the sign-in form's double-submit cookie).
    func publicPage(_ handler: @escaping PublicPageHandler) -> @Sendable (Request, RapportRequestContext) async throws -> Response {
        let env = self
        return { request, context in
            do {
                let csrf = context.session?.csrfToken ?? request.cookies[Self.loginCSRFCookie]?.value
                let form = try await Self.checkedForm(request, csrf: csrf).0
                return try await handler(PublicPageRequest(request: request, context: context, form: form, csrf: csrf))
            } catch {
                return env.errorResponse(for: error, context: context)
            }
        }
    }

    private func run(_ access: PageAccess, _ badges: BadgeCounting, _ request: Request, _ context: SessionContext,
                     _ handler: PageHandler) async throws -> Response {
        let acting = context.acting
        if access != .duringPasswordChange, acting.user.mustChangePassword { return Self.redirect("/account/password") }
        if access == .admin { try acting.requireAdmin() }
        let (form, files) = try await Self.checkedForm(request, csrf: context.session.csrfToken)
        var page = PageRequest(request: request, context: context, form: form,
                               query: FormData(encoded: request.uri.query ?? ""), files: files)
        if request.method == .get, !acting.user.mustChangePassword {
            switch badges {
            case .cached:
                if let cached = await badgeCache.badges(for: acting.id, now: app.env.now()) {
                    page.badgeLoad = Task { cached }
                } else {
                    countBadges(&page, agendaCount: nil)
                }
            case .fresh: countBadges(&page, agendaCount: nil)
            case .byHandler: break
            }
        }
        // A handler that fails or redirects never reads the counts.
        defer { page.badgeLoad?.cancel() }
        return try await handler(page)
    }

    /// Starts counting the top bar for a page, afresh, and keeps the counts in the cache. A page that
    /// has just built the user's own agenda passes its size, so the agenda is not built twice.
    func countBadges(_ page: inout PageRequest, agendaCount: Int?) {
        let app = self.app, acting = page.acting, logger = page.context.logger, cache = badgeCache
        let now = app.env.now()
        page.badgeLoad = Task {
            let badges = await NavBadges.load(app, acting, agendaCount: agendaCount, logger: logger)
            if let badges { await cache.store(badges, for: acting.id, begun: now) }
            return badges
        }
    }

    /// The form of a POST, checked for the anti-forgery token; empty for other methods.
    private static func checkedForm(_ request: Request, csrf: String?) async throws -> (FormData, [String: UploadedFile]) {
        guard request.method == .post else { return (FormData(), [:]) }
        let (form, files) = try await readForm(request)
        guard let expected = csrf, let given = form["_csrf"], constantTimeEqual(expected, given) else {
            throw PageError.csrf
        }
        return (form, files)
    }

    /// Reads a url-encoded form body, or a multipart one (file uploads: the import page).
    private static func readForm(_ request: Request) async throws -> (FormData, [String: UploadedFile]) {
        let type = request.headers[.contentType] ?? ""
        var request = request
        if type.lowercased().hasPrefix("multipart/form-data") {
            let buffer = try await request.collectBody(limit: BodyLimits.upload)
            return try MultipartForm.parse(buffer, contentType: type)
        }
        guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else { throw PageError.badRequest }
        let buffer = try await request.collectBody(limit: BodyLimits.form)
        return (FormData(encoded: String(buffer: buffer)), [:])
    }
}
