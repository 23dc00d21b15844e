import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// The server-rendered pages. `router` must already run `AuthMiddleware`.
///
/// Signed-in pages are registered in one group whose context is `SessionContext`: a request without
/// a browser session never reaches their handlers and is sent to `/login`. Every page goes through
/// `PageEnvironment.page(_:_:)` (or `publicPage` for the sign-in pages): users with a one-time
/// password are sent to `/account/password`, every POST must carry the session's anti-forgery
/// token in `_csrf`, and errors become translated error pages.
public struct WebRoutes {
    /// Registers every page route and `/static/app.css`, and the translated 404 page for unknown
    /// page paths. Call it after the API routes are registered, so that they keep their own 404s.
    /// - Parameters:
    ///   - secureCookies: mark cookies `Secure` (serve behind TLS).
    ///   - badgeCache: the top bar's counts, shared with `NavBadgeRefreshMiddleware`.
    ///   - known: every route of the server, filled after registration (for 405 answers).
    public static func register(on root: Router<RapportRequestContext>, app: Rapport, renderer: PageRenderer,
                                localizer: Localizer, secureCookies: Bool, badgeCache: NavBadgeCache, known: KnownRoutes) {
        let env = PageEnvironment(app: app, renderer: renderer, localizer: localizer, secureCookies: secureCookies,
                                  badgeCache: badgeCache)
        root.add(middleware: PageNotFoundMiddleware(env: env, known: known))
        let stylesheet = env.stylesheet
        root.get("static/app.css") { request, context in stylesheet.response(request, context: context) }
        root.head("static/app.css") { request, context in stylesheet.response(request, context: context) }
        let router = root.group().add(middleware: SignInRedirectMiddleware()).group(context: SessionContext.self)
        SignInPages(env: env).register(open: root, signedIn: router)
        PasswordPage(env: env).register(on: router)
        AccountPages(env: env).register(on: router)
        CustomerListPage(env: env).register(on: router)
        CustomerFormPages(env: env).register(on: router)
        let file = CustomerFilePage(env: env)
        file.register(on: router)
        CustomerActions(env: env, file: file).register(on: router)
        CustomerHistoryPage(env: env).register(on: router)
        let contacts = ContactPages(env: env)
        contacts.register(on: router)
        ContactListPage(env: env).register(on: router)
        AdminUserPages(env: env).register(on: router)
        AdminTeamPages(env: env).register(on: router)
        AdminFieldPages(env: env).register(on: router)
        ActivityPages(env: env).register(on: router)
        NotePages(env: env).register(on: router)
        TransferPages(env: env).register(on: router)
        // The customer file's relationship pages (issue #3).
        PersonalityPages(env: env, contacts: contacts).register(on: router)
        CommitmentPages(env: env).register(on: router)
        CommitmentListPage(env: env).register(on: router)
        SubscriptionPages(env: env).register(on: router); MergePages(env: env).register(on: router)
        ContactMergePages(env: env).register(on: router)
        PoolPage(env: env).register(on: router); PoolCustomerPages(env: env).register(on: router); AdminPoolPage(env: env).register(on: router)
        SituationPages(env: env, file: file).register(on: router)
        CareDatePages(env: env, file: file).register(on: router)
        HandoverPage(env: env).register(on: router)
        AgendaPage(env: env).register(on: router)
        NoticePages(env: env).register(on: router)
        ActivityNewPage(env: env).register(on: router)
        ComposePage(env: env).register(on: router)
        AdminReferencePages(env: env).register(on: router)
        TeamTypesPage(env: env).register(on: router)
        LifecyclePages(env: env).register(on: router)
        DealBoardPage(env: env).register(on: router); DealPages(env: env).register(on: router); AdminPipelinePage(env: env).register(on: router)
        ProductPages(env: env).register(on: router); OrderListPage(env: env).register(on: router); OrderFormPage(env: env).register(on: router); OrderPage(env: env).register(on: router)
        OrderImportPage(env: env).register(on: router); PaymentsDuePage(env: env).register(on: router)
    }
}
