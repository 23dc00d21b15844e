import Hummingbird
import RapportApp
import RapportCore

/// The context of every `/api/v1` route but the published document: the acting user is not
/// optional, so a handler cannot forget to ask for it. The group that uses this context builds it
/// from `RapportRequestContext` before any handler runs; a request without a valid bearer token or
/// session stops there with `AppError.unauthenticated`, which the group's problem middleware answers
/// with 401.
public struct AuthenticatedContext: ChildRequestContext, EdgeContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user with their access scope.
    public let acting: Acting
    /// Set when the caller is a browser session (the pages' scripts); `nil` for bearer tokens.
    public let session: WebSessionInfo?
    public let language: Language

    public init(context: RapportRequestContext) throws {
        guard let acting = context.acting else { throw AppError.unauthenticated }
        self.coreContext = context.coreContext
        self.acting = acting
        self.session = context.session
        self.language = context.language
    }

    public var actingIfKnown: Acting? { acting }
    public var browserSession: WebSessionInfo? { session }
    public var maxUploadSize: Int { BodyLimits.upload }
}

/// The context of every signed-in page: a browser session and its user, neither optional. Pages
/// trust only the session cookie (a bearer token is for the API); a request without one stops
/// before the handler with `AppError.unauthenticated`, which the pages' group turns into a
/// redirect to the sign-in page.
public struct SessionContext: ChildRequestContext, EdgeContext {
    public var coreContext: CoreRequestContextStorage
    public let acting: Acting
    public let session: WebSessionInfo
    public let language: Language

    public init(context: RapportRequestContext) throws {
        guard let session = context.session, let acting = context.acting else { throw AppError.unauthenticated }
        self.coreContext = context.coreContext
        self.acting = acting
        self.session = session
        self.language = context.language
    }

    public var actingIfKnown: Acting? { acting }
    public var browserSession: WebSessionInfo? { session }
    public var maxUploadSize: Int { BodyLimits.upload }
}
