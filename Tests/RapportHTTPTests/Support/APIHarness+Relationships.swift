import Foundation
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing
import HTTPTypes
import RapportApp

/// Helpers for the relationship tests: the test users' calendar day and moving the clock.
extension APIHarness {
    /// The zone every test user has (the default for new users).
    static let userZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

    /// The test users' calendar day now, `plus` days later.
    func today(plus days: Int = 0) -> CalendarDate {
        CalendarDate.today(in: Self.userZone, at: world.clock.now()).adding(days: days)
    }

    /// Moves the clock (forward or back) to `instant`.
    func setClock(to instant: Date) {
        world.clock.advance(by: instant.timeIntervalSince(world.clock.now()))
    }

    /// Noon in the users' zone on `day`.
    static func noon(_ day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = userZone
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        return start.addingTimeInterval(12 * 3600)
    }

    /// Adds a key person to a customer and returns its id.
    func keyPerson(_ client: any TestClientProtocol, _ customerID: String, _ name: String, as user: String,
                   sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let reply = try await call(client, .post, "/api/v1/customers/\(customerID)/contacts", as: user, json: ["name": name],
                                   sourceLocation: sourceLocation)
        #expect(reply.status == 201, "\(reply.text)", sourceLocation: sourceLocation)
        return try #require(reply.string("id"), sourceLocation: sourceLocation)
    }

    /// Records a promise and returns its JSON.
    func promise(_ client: any TestClientProtocol, _ customerID: String, _ title: String, due: CalendarDate, as user: String,
                 extra: [String: any Sendable] = [:], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: any Sendable] {
        var body: [String: any Sendable] = ["title": title, "dueOn": due.description]
        for (key, value) in extra { body[key] = value }
        let reply = try await call(client, .post, "/api/v1/customers/\(customerID)/commitments", as: user, json: body,
                                   sourceLocation: sourceLocation)
        #expect(reply.status == 201, "\(reply.text)", sourceLocation: sourceLocation)
        return reply.json
    }

    /// A browser session for a test user: the `Cookie` header value and the session's anti-forgery token.
    func signIn(_ client: any TestClientProtocol, _ username: String) async throws -> (cookie: String, csrf: String) {
        let session = try await world.app.auth.signIn(username: username, password: TestWorld.password)
        return ("rapport_session=\(session.token)", session.csrfToken)
    }
}
