import Foundation
import HTTPTypes
import Hummingbird
import RapportApp
import RapportCore

/// Resolves the acting user from `Authorization: Bearer …` or the session cookie, and the
/// language from the user's choice, the `lang` cookie or `Accept-Language`. It never rejects:
/// an unknown or revoked token leaves the request anonymous and routes that need a user refuse it.
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = RapportRequestContext
    public static let sessionCookie = "rapport_session"
    public static let languageCookie = "rapport_lang"

    let app: Rapport
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed.
    let trustedProxies: Set<String>

    public init(app: Rapport, trustedProxies: Set<String> = []) {
        self.app = app
        self.trustedProxies = trustedProxies
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = clientAddress(request, peer: context.clientAddress)
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            if let user = try await app.auth.tokenUser(token) {
                context.acting = try await app.acting(user)
            }
        } else if let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty,
                  let found = try await app.auth.session(token: token) {
            context.acting = try await app.acting(found.user)
            context.session = WebSessionInfo(token: token, csrfToken: found.csrfToken)
        }
        if let chosen = context.acting?.user.language {
            context.language = chosen
        } else if let cookie = request.cookies[Self.languageCookie]?.value, let language = Language(rawValue: cookie) {
            context.language = language
        } else {
            context.language = Language.negotiate(acceptLanguage: request.headers[.acceptLanguage])
        }
        return try await next(request, context)
    }

    /// The peer's address, or — when the peer is a trusted proxy — the right-most address in
    /// `X-Forwarded-For` that is not itself a trusted proxy.
    func clientAddress(_ request: Request, peer: String) -> String {
        guard trustedProxies.contains(peer), let forwarded = request.headers[Self.forwardedFor] else { return peer }
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !trustedProxies.contains($0) } ?? peer
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
