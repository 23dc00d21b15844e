// TEMPORARY (lead): lets RapportHTTP compile until the pages land. The web helper replaces this file.
import Hummingbird
import RapportApp

public struct WebRoutes {
    public static func register(on router: Router<RapportRequestContext>, app: Rapport, renderer: PageRenderer,
                                localizer: Localizer, secureCookies: Bool) {}
}
