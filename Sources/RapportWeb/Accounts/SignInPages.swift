import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `/` (the agenda once signed in), `/login`, `/logout` and the language switch `/language`.
///
/// The sign-in form has no session to tie a token to, so it uses a double-submit cookie:
/// `GET /login` sets a random `rapport_login_csrf` cookie and puts the same value in the form;
/// `POST /login` must bring both. A forged cross-site post cannot read or set the cookie.
struct SignInPages: Sendable {
    let env: PageEnvironment

    func register(open: Router<RapportRequestContext>, signedIn: RouterGroup<SessionContext>) {
        open.get("/", use: env.publicPage(home))
        open.get("login", use: env.publicPage(form))
        open.post("login", use: env.publicPage(signIn))
        signedIn.post("logout", use: env.page(.duringPasswordChange, signOut))
        open.post("language", use: env.publicPage(language))
    }

    @Sendable func home(_ page: PublicPageRequest) async throws -> Response {
        PageEnvironment.redirect(page.signedInUser == nil ? "/login" : "/agenda")
    }

    @Sendable func form(_ page: PublicPageRequest) async throws -> Response {
        if let acting = page.signedInUser {
            return PageEnvironment.redirect(acting.user.mustChangePassword ? "/account/password" : "/agenda")
        }
        return try await render(page, username: "", errors: FormErrors(), message: nil, status: .ok)
    }

    @Sendable func signIn(_ page: PublicPageRequest) async throws -> Response {
        let username = page.form.text("username").trimmingCharacters(in: .whitespaces)
        let password = page.form.text("password")
        var errors = FormErrors()
        if username.isEmpty { errors.add("username", env.text("error.required", page.language)) }
        if password.isEmpty { errors.add("password", env.text("error.required", page.language)) }
        if !errors.isEmpty {
            return try await render(page, username: username, errors: errors, message: nil, status: .unprocessableContent)
        }
        do {
            let session = try await env.app.auth.signIn(username: username, password: password, source: page.context.clientAddress)
            var response = PageEnvironment.redirect(session.user.mustChangePassword ? "/account/password" : "/agenda")
            response.setCookie(env.cookie(AuthMiddleware.sessionCookie, session.token, maxAge: Int(env.app.sessionLifetime)))
            return response
        } catch AppError.unauthenticated {
            let message = env.text("login.failed", page.language)
            return try await render(page, username: username, errors: errors, message: message, status: .unauthorized)
        } catch AppError.rateLimited(let seconds) {
            let minutes = String(max(1, (seconds + 59) / 60))
            let message = env.text("login.rateLimited", page.language, [minutes])
            var response = try await render(page, username: username, errors: errors, message: message, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    @Sendable func signOut(_ page: PageRequest) async throws -> Response {
        try await env.app.auth.signOut(token: page.context.session.token)
        var response = PageEnvironment.redirect("/login")
        response.setCookie(env.cookie(AuthMiddleware.sessionCookie, "", maxAge: 0))
        return response
    }

    /// Sets the language cookie and, when signed in, saves the choice on the user; then goes back.
    @Sendable func language(_ page: PublicPageRequest) async throws -> Response {
        guard let raw = page.form["lang"], let language = Language(rawValue: raw) else { throw PageError.badRequest }
        if let acting = page.signedInUser, acting.user.language != language {
            _ = try await env.app.accounts.update(acting, acting.id, UserChanges(language: .some(language)),
                                             version: acting.user.version)
        }
        var response = PageEnvironment.redirect(PageEnvironment.safeLocalPath(page.form["next"]) ?? "/")
        response.setCookie(env.cookie(AuthMiddleware.languageCookie, language.rawValue, maxAge: 365 * 24 * 3600))
        return response
    }

    /// The sign-in form with a fresh (or the current) double-submit token.
    private func render(_ page: PublicPageRequest, username: String, errors: FormErrors, message: String?,
                        status: HTTPResponse.Status) async throws -> Response {
        let existing = page.request.cookies[PageEnvironment.loginCSRFCookie]?.value ?? ""
        let token = existing.count == 43 && existing.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            ? existing : PageEnvironment.randomToken()
        let model = SignInModel(csrf: token, username: username, errors: errors, message: message)
        var response = try await env.render("login", page, title: "login.title", model: model, status: status)
        response.setCookie(env.cookie(PageEnvironment.loginCSRFCookie, token))
        return response
    }
}
