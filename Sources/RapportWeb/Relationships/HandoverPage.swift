import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /handovers/{id}`: the snapshot a new owner received when a customer was reassigned to them
/// (history, open promises, key persons and their types, the expectation status), with a "mark read"
/// button for the recipient; `POST /handovers/{id}/read`.
struct HandoverPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("handovers/:id", use: env.page(.signedIn, show))
        router.post("handovers/:id/read", use: env.page(.signedIn, markRead))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let handover = try await env.app.handovers.get(acting, try page.id())
        let people = try await Directory.load(env.app, acting)
        let s = handover.summary
        let clock = page.clock
        let from = people.name(handover.fromUserID).isEmpty ? (s.previousOwnerName ?? "—") : people.name(handover.fromUserID)
        var expectation: HandoverModel.Expectation?
        if let raw = s.expectationLevel, let level = ExpectationLevel(rawValue: raw) {
            expectation = HandoverModel.Expectation(level: raw, label: env.label("expectationLevel", level, language),
                                                    text: localizedExpectation(s.expectationText ?? "", language))
        }
        let model = HandoverModel(
            handover: HandoverModel.Handover(
                id: handover.id.description, customerID: handover.customerID.description, customerName: s.customerName,
                line: env.text("handover.line", language, [from, people.name(handover.toUserID)]),
                when: clock.display(handover.createdAt),
                readText: handover.readAt.map { env.text("handover.readAt", language, [clock.display($0)]) } ?? "",
                isRead: handover.readAt != nil,
                canMarkRead: handover.readAt == nil && handover.toUserID == acting.id),
            counts: env.text("handover.counts", language, [String(s.activityCount), String(s.noteCount)]),
            activities: s.recentActivities.map { HandoverModel.Line(on: $0.on, text: localizedActivity($0.text, language)) },
            promises: s.openCommitments.map { HandoverModel.Line(on: $0.on, text: $0.text) },
            people: s.keyPersons.map { person in
                let temperament = person.temperament.flatMap(Temperament.init(rawValue:)).map { env.label("temperament", $0, language) }
                let buyer = person.buyerType.flatMap(BuyerType.init(rawValue:)).map { env.label("buyerType", $0, language) }
                let types = [temperament, buyer].compactMap { $0 }.joined(separator: " · ")
                return HandoverModel.Person(name: person.name, title: person.title, url: "/contacts/\(person.id)", types: types)
            },
            expectation: expectation)
        return try await env.render("handover", page, title: "handover.title", model: model)
    }

    @Sendable func markRead(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let handover = try await env.app.handovers.markRead(acting, try page.id())
        return PageEnvironment.redirect("/handovers/\(handover.id)")
    }

    /// The snapshot keeps an activity as `channel · purpose · outcome` with the channel's stored name;
    /// shown in the reader's language.
    private func localizedActivity(_ text: String, _ language: Language) -> String {
        let parts = text.components(separatedBy: " · ")
        guard let first = parts.first, let channel = Channel(rawValue: first) else { return text }
        return ([env.label("channel", channel, language)] + parts.dropFirst()).joined(separator: " · ")
    }

    /// The snapshot keeps the status as `measure: measured / bottom–satisfaction` with the measure's stored name.
    private func localizedExpectation(_ text: String, _ language: Language) -> String {
        guard let colon = text.firstIndex(of: ":"), let measure = ResultMeasure(rawValue: String(text[..<colon])) else { return text }
        return env.label("measure", measure, language) + text[colon...]
    }
}
