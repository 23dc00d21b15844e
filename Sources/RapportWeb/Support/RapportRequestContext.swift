import Hummingbird
import RapportApp
import RapportCore

/// Per-request state: who is acting (from the session cookie or a bearer token), how they
/// authenticated, and the language to answer in.
public struct RapportRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user with their access scope; `nil` for anonymous requests.
    public var acting: Acting?
    /// Set when the user came with a browser session (pages); `nil` for bearer tokens.
    public var session: WebSessionInfo?
    public var language: Language = .zhHans

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Uploads (imports) may be larger than the default.
    public var maxUploadSize: Int { 60 * 1024 * 1024 }

    /// The acting user or `unauthenticated`.
    public func requireActing() throws -> Acting {
        guard let acting else { throw AppError.unauthenticated }
        return acting
    }
}

/// The browser session behind a page request.
public struct WebSessionInfo: Sendable {
    public let token: String
    public let csrfToken: String
}
