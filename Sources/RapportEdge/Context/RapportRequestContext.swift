import Hummingbird
import RapportApp
import RapportCore

/// What the API and the pages read from any request's context, whether or not a user is known.
public protocol EdgeContext: RequestContext {
    /// The language to answer in.
    var language: Language { get }
    /// The user, when the request carries a valid session cookie or bearer token.
    var actingIfKnown: Acting? { get }
    /// The browser session behind the request, when it came with the session cookie.
    var browserSession: WebSessionInfo? { get }
}

/// Per-request state before any route runs: who is acting (from the session cookie or a bearer
/// token, set by `AuthMiddleware`), how they authenticated, and the language to answer in.
/// Routes that need a user are registered in groups of `AuthenticatedContext` or `SessionContext`,
/// which are built from this one and cannot exist without a user.
public struct RapportRequestContext: EdgeContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user with their access scope; `nil` for anonymous requests.
    public var acting: Acting?
    /// Set when the user came with a browser session (pages); `nil` for bearer tokens.
    public var session: WebSessionInfo?
    public var language: Language = .zhHans
    /// The client's address: the peer's, or the one a trusted proxy forwarded (`AuthMiddleware`).
    /// Sign-in attempts are throttled per account and this address.
    public var clientAddress: String

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    public var actingIfKnown: Acting? { acting }
    public var browserSession: WebSessionInfo? { session }

    /// Uploads (imports) may be larger than the default.
    public var maxUploadSize: Int { BodyLimits.upload }
}

/// The browser session behind a page request.
public struct WebSessionInfo: Sendable {
    public let token: String
    public let csrfToken: String

    public init(token: String, csrfToken: String) {
        self.token = token
        self.csrfToken = csrfToken
    }
}
