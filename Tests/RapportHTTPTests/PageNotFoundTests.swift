import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import RapportWeb
import Testing

/// Unknown page addresses get the translated error page; the API and static files keep their own 404s.
@Suite struct PageNotFoundTests {
    @Test(arguments: TestEngine.available)
    func unknownPagePath_getsTheTranslatedPage_whileAPIAndStaticAnswersStayPlain(engine: TestEngine) async throws {
        let localizer = try Localizer.bundled()
        try await APIHarness.run(engine) { api, client in
            for (language, header) in [(Language.en, "en-US,en;q=0.9"), (.zhHans, "zh-CN,zh;q=0.9")] {
                var headers = HTTPFields()
                headers[.acceptLanguage] = header
                let page = try await client.execute(uri: "/no/such/page", method: .get, headers: headers)
                #expect(page.status == .notFound)
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: page.body)
                #expect(html.contains(localizer.text("problem.notFound", language)))
                #expect(html.contains(localizer.text("errorPage.noSuchPage", language)))
            }
            // A known path with a method it does not take is unknown too.
            let wrongMethod = try await client.execute(uri: "/customers/import/nothing", method: .delete)
            #expect(wrongMethod.status == .notFound)
            #expect(wrongMethod.headers[.contentType]?.hasPrefix("text/html") == true)

            for uri in ["/api/v1/no-such-thing", "/api", "/static/nothing.css"] {
                let plain = try await client.execute(uri: uri, method: .get)
                #expect(plain.status == .notFound, "\(uri)")
                #expect(plain.headers[.contentType]?.hasPrefix("text/html") != true, "\(uri)")
            }
            let missing = try await api.call(client, .get, "/api/v1/customers/\(UUID().uuidString)", as: "alice")
            #expect(missing.status == 404)
            #expect(missing.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        }
    }
}
