import Foundation
import Hummingbird
import RapportApp
import RapportCore

/// One page request as handlers see it: the user (only with a browser session), the parsed
/// form (already checked for the anti-forgery token) and the query.
struct PageRequest: Sendable {
    let request: Request
    let context: RapportRequestContext
    let acting: Acting?
    let form: FormData
    let query: FormData
    /// The token forms must carry: the session's, or the sign-in cookie's when anonymous.
    let csrf: String?
    /// Files of a multipart form, by field name.
    var files: [String: UploadedFile] = [:]
    /// The top bar's counts (agenda, unread notices); loaded for signed-in page views (GET).
    /// The top bar's counts, loading while the page's own data loads (read by `render`).
    var badgeLoad: Task<NavBadges?, Never>?

    var language: Language { context.language }

    /// The user's clock (their time zone).
    var clock: UserClock { UserClock(identifier: acting?.user.timeZone ?? PageEnvironment.defaultTimeZone) }

    /// Path and query as requested, for the language switch to come back to.
    var currentPath: String {
        guard let query = request.uri.query, !query.isEmpty else { return request.uri.path }
        return request.uri.path + "?" + query
    }

    /// The acting user; `unauthenticated` (a redirect to sign in) when there is none.
    func requireActing() throws -> Acting {
        guard let acting else { throw AppError.unauthenticated }
        return acting
    }

    /// A path parameter as a typed id; anything that is not an id cannot exist, so it is `notFound`.
    func id<T>(_ name: String = "id", as _: Identifier<T>.Type = Identifier<T>.self) throws -> Identifier<T> {
        guard let raw = context.parameters.get(name), let id = Identifier<T>(raw) else {
            throw AppError.notFound(entity: name)
        }
        return id
    }

    /// The `version` a form was read at; a form without one is broken.
    func formVersion() throws -> Int {
        guard let text = form["version"], let version = Int(text) else { throw PageError.badRequest }
        return version
    }
}
