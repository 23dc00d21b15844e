import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportEdge
import RapportTestSupport
import Testing

/// Bodies over a route's limit answer 413 saying the limit (problem+json for the API, the error
/// page for pages), never a 500; nothing is stored.
@Suite struct BodyLimitTests {
    @Test(arguments: TestEngine.available)
    func oversizedBodies_answer413_namingTheLimit(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            // A JSON body over 1 MiB (a long note in an otherwise valid customer).
            let padding = String(repeating: "x", count: BodyLimits.json + 10)
            let big = try await api.call(client, .post, "/api/v1/customers", as: "alice",
                                         json: ["name": "Big", "kind": "enterprise", "address": padding],
                                         headers: [.acceptLanguage: "en"])
            #expect(big.status == 413)
            #expect(big.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(big.string("detail") == "The request body may not exceed 1 MB.")
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "alice").items.isEmpty)

            // An upload over the upload limit, streamed without a Content-Length.
            let upload = Data(repeating: 0x41, count: BodyLimits.upload + 1)
            let file = try await api.call(client, .post, "/api/v1/customers/import?fileName=big.csv", as: "alice",
                                          raw: upload, contentType: "text/csv")
            #expect(file.status == 413)
            #expect(file.string("detail")?.contains("\(BodyTooLarge(limit: BodyLimits.upload).megabytes)") == true)

            // A raw file just over what the readers take, but under the body limit: "too large", not "invalid".
            let justOver = Data(repeating: 0x41, count: BodyLimits.upload - 1)
            let reader = try await api.call(client, .post, "/api/v1/customers/import?fileName=big.csv", as: "alice",
                                            raw: justOver, contentType: "text/csv")
            #expect(reader.status == 422)
            #expect(reader.errorFields == ["file"])
            #expect((reader.json["errors"] as? [[String: any Sendable]])?.first?["code"] as? String == "fileTooLarge")

            // A page form over its limit gets the translated 413 page.
            let (cookie, csrf) = try await api.signIn(client, "alice")
            var headers = HTTPFields()
            headers[.cookie] = cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.acceptLanguage] = "zh-CN"
            let form = "_csrf=\(csrf)&name=" + String(repeating: "y", count: BodyLimits.form)
            let page = try await client.execute(uri: "/customers", method: .post, headers: headers,
                                                body: ByteBuffer(string: form))
            #expect(page.status == .contentTooLarge)
            #expect(String(buffer: page.body).contains("请求内容不能超过 1 MB。"))
        }
    }

    /// Every API operation but the published document needs a token: the questionnaire too.
    @Test(arguments: TestEngine.available)
    func questionnaire_needsSigningIn(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            #expect(try await api.call(client, .get, "/api/v1/personality/questionnaire", as: nil).status == 401)
            #expect(try await api.call(client, .get, "/api/v1/personality/questionnaire", as: "alice").status == 200)
            let spec = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(spec.status == .ok)
        }
    }
}
