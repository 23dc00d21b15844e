import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportEdge
import RapportTestSupport
import RapportWeb
import Testing

/// Unknown page addresses get the translated error page, unknown API addresses a problem+json; a
/// known address with a method it does not take answers 405 with `Allow` in both.
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

            let pageMethod = try await client.execute(uri: "/customers", method: .delete)
            #expect(pageMethod.status == .methodNotAllowed)
            #expect(pageMethod.headers[.allow] == "GET, HEAD, POST")
            #expect(pageMethod.headers[.contentType]?.hasPrefix("text/html") == true)

            for uri in ["/api/v1/no-such-thing", "/api", "/api/v2/customers"] {
                let plain = try await client.execute(uri: uri, method: .get)
                #expect(plain.status == .notFound, "\(uri)")
                #expect(plain.headers[.contentType]?.hasPrefix("application/problem+json") == true, "\(uri)")
                #expect(String(buffer: plain.body).contains("\"status\":404"), "\(uri)")
            }
            let apiMethod = try await client.execute(uri: "/api/v1/customers/\(UUID().uuidString)", method: .put)
            #expect(apiMethod.status == .methodNotAllowed)
            #expect(apiMethod.headers[.allow] == "DELETE, GET, HEAD, PATCH")
            #expect(apiMethod.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let asset = try await client.execute(uri: "/static/nothing.css", method: .get)
            #expect(asset.status == .notFound)
            #expect(asset.headers[.contentType]?.hasPrefix("text/html") != true)
            let missing = try await api.call(client, .get, "/api/v1/customers/\(UUID().uuidString)", as: "alice")
            #expect(missing.status == 404)
            #expect(missing.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        }
    }
}
