import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// What the layout needs from any page request, signed in or not.
protocol RenderablePage: Sendable {
    var request: Request { get }
    var language: Language { get }
    /// The user shown in the top bar (only with a browser session).
    var signedInUser: Acting? { get }
    /// The token forms must carry.
    var csrf: String? { get }
    /// The top bar's counts, loading while the page's own data loads.
    var badgeLoad: Task<NavBadges?, Never>? { get }
}

extension RenderablePage {
    /// Path and query as requested, for the language switch to come back to.
    var currentPath: String {
        guard let query = request.uri.query, !query.isEmpty else { return request.uri.path }
        return request.uri.path + "?" + query
    }
}

/// One signed-in page request as handlers see it: the user (never missing: the route's group
/// refuses requests without a browser session), the parsed form (already checked for the
/// anti-forgery token) and the query.
struct PageRequest: RenderablePage {
    let request: Request
    let context: SessionContext
    let form: FormData
    let query: FormData
    /// Files of a multipart form, by field name.
    var files: [String: UploadedFile] = [:]
    /// The top bar's counts, loading while the page's own data loads (read by `render`).
    var badgeLoad: Task<NavBadges?, Never>?

    /// The signed-in user with their access scope.
    var acting: Acting { context.acting }
    var language: Language { context.language }
    var signedInUser: Acting? { context.acting }
    /// The session's anti-forgery token.
    var csrf: String? { context.session.csrfToken }

    /// The user's clock (their time zone).
    var clock: UserClock { UserClock(identifier: acting.user.timeZone) }

    /// A path parameter as a typed id; anything that is not an id cannot exist, so it is `notFound`.
    func id<T>(_ name: String = "id", as _: Identifier<T>.Type = Identifier<T>.self) throws -> Identifier<T> {
        guard let raw = context.parameters.get(name), let id = Identifier<T>(raw) else {
            throw AppError.notFound(entity: .record)
        }
        return id
    }

    /// The `version` a form was read at; a form without one is broken.
    func formVersion() throws -> Int {
        guard let text = form["version"], let version = Int(text) else { throw PageError.badRequest }
        return version
    }
}

/// A request for a page anyone may open (the sign-in form, the language switch): the user is
/// known only when a browser session came with it.
struct PublicPageRequest: RenderablePage {
    let request: Request
    let context: RapportRequestContext
    let form: FormData
    /// The sign-in form's double-submit token, or the session's.
    let csrf: String?

    var language: Language { context.language }
    /// Pages trust only the browser session; a bearer token is for the API.
    var signedInUser: Acting? { context.session == nil ? nil : context.acting }
    var badgeLoad: Task<NavBadges?, Never>? { nil }
}
