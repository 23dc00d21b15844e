import Foundation
import Hummingbird
import RapportApp
import RapportEdge

/// The REST API under `/api/v1`.
public enum APIRoutes {
    /// Registers the published OpenAPI document (open to anyone) and every operation, all in a group
    /// whose context is `AuthenticatedContext`: a call without a valid token or session never
    /// reaches a handler and is answered 401 by the problem middleware. `router` must already run
    /// `AuthMiddleware`.
    /// - Parameter known: every route of the server, filled after registration (for 405 answers).
    public static func register(on router: Router<RapportRequestContext>, app: Rapport, localizer: Localizer,
                                known: KnownRoutes) throws {
        let problems = ProblemMiddleware(localizer: localizer)
        router.add(middleware: APIFallbackMiddleware(problems: problems, known: known))
        let api = router.group("api/v1").add(middleware: problems)
        let openAPI = try OpenAPIDocument.load()
        api.get("openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
        }
        let signedIn = api.group(context: AuthenticatedContext.self)
        CustomerAPI(app: app).register(on: signedIn)
        ContactAPI(app: app).register(on: signedIn)
        TimelineAPI(app: app).register(on: signedIn)
        AccountAPI(app: app).register(on: signedIn)
        SavedViewAPI(app: app).register(on: signedIn)
        TransferAPI(app: app, localizer: localizer).register(on: signedIn)
        CommitmentAPI(app: app).register(on: signedIn)
        PoolAPI(app: app).register(on: signedIn)
        NoticeAPI(app: app).register(on: signedIn)
        LifecycleAPI(app: app).register(on: signedIn)
        ReferralAPI(app: app).register(on: signedIn)
        DealAPI(app: app).register(on: signedIn)
        DealStageAPI(app: app, localizer: localizer).register(on: signedIn)
        SubscriptionAPI(app: app).register(on: signedIn)
        ProductAPI(app: app).register(on: signedIn)
        OrderAPI(app: app, localizer: localizer).register(on: signedIn)
        MergeAPI(app: app).register(on: signedIn)
        RelationshipAPI(app: app, writer: AfterDealWriter(localizer: localizer)).register(on: signedIn)
    }
}
