import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// What every page handler needs: the use cases, templates, texts and cookie policy.
struct PageEnvironment: Sendable {
    let app: Rapport
    let renderer: PageRenderer
    let localizer: Localizer
    let secureCookies: Bool
    let tables: [Language: TextTable]
    let stylesheet: StaticAsset
    /// The top bar's counts per user, for a few seconds.
    let badgeCache: NavBadgeCache

    /// The double-submit cookie that protects the sign-in form (there is no session yet).
    static let loginCSRFCookie = "rapport_login_csrf"
    /// The time zone shown before a user is known.
    static let defaultTimeZone = "Asia/Shanghai"

    init(app: Rapport, renderer: PageRenderer, localizer: Localizer, secureCookies: Bool, badgeCache: NavBadgeCache) {
        self.app = app
        self.badgeCache = badgeCache
        self.renderer = renderer
        self.localizer = localizer
        self.secureCookies = secureCookies
        self.tables = TextTable.all(from: localizer)
        self.stylesheet = StaticAsset(name: "app.css", contentType: "text/css; charset=utf-8")
    }

    /// A translated text with `{0}`, `{1}`… filled in.
    func text(_ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        localizer.text(key, language, arguments)
    }

    /// Whether a text exists for a key (to fall back to a raw name where no label is defined).
    func hasText(_ key: String, _ language: Language) -> Bool {
        localizer.table(language)[key] != nil
    }

    /// The label of an enum value: `<prefix>.<rawValue>`.
    func label<E: RawRepresentable>(_ prefix: String, _ value: E?, _ language: Language) -> String where E.RawValue == String {
        guard let value else { return "" }
        return text("\(prefix).\(value.rawValue)", language)
    }

    /// What every page's layout reads: texts, the user, the anti-forgery token, the language switch.
    func layout(language: Language, acting: Acting?, csrf: String?, path: String) -> LayoutModel {
        LayoutModel(texts: tables[language] ?? TextTable(texts: localizer.table(language)), language: language,
                    stylesheet: stylesheet.url, currentPath: path,
                    user: acting.map { LayoutModel.User(name: $0.user.displayName, isAdmin: $0.isAdmin, isManager: $0.isManager) },
                    csrf: csrf)
    }

    /// Renders a page from its typed model inside the layout; `title` is a locale key.
    func render(_ template: String, _ page: some RenderablePage, title: String, model: some PageModel,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        try await render(template, page, titleText: text(title, page.language), model: model, status: status)
    }

    /// Renders a page whose title is already text in the page's language (e.g. it names a record).
    func render(_ template: String, _ page: some RenderablePage, titleText: String, model: some PageModel,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        var layout = layout(language: page.language, acting: page.signedInUser, csrf: page.csrf, path: page.currentPath)
        layout.title = titleText
        layout.badges = await page.badgeLoad?.value
        return try renderer.render(template, LayeredContext(model: model, layout: layout), status: status)
    }

    /// A 303 to a local path (forms always end in one, so reloading never posts twice).
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// A cookie for pages: HttpOnly, SameSite=Lax, whole site, Secure behind TLS. `maxAge` 0 clears it.
    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// `path` when it is a plain local path (no scheme, no `//host`, printable ASCII); else `nil`.
    static func safeLocalPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.count <= 2000,
              !path.contains("\\"),
              path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        return path
    }

    /// A random URL-safe token (for the sign-in form's double-submit cookie).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two secrets in time independent of where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
