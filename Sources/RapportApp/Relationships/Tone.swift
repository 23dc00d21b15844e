import Foundation
import RapportCore
import RapportStore

/// The facts an after-deal summary to the customer is written from (DOMAIN part 4: after each
/// deal, tell the customer what was done for them and what it brings them).
public struct AfterDealFacts: Sendable, Codable, Equatable {
    public var customerName: String
    /// The key person the message goes to, when one is chosen.
    public var recipientName: String?
    public var senderName: String
    /// Promises kept in the period, with their evidence.
    public var kept: [KeptPromise]
    /// Contacts made in the period, most recent first (at most eight).
    public var contacts: [String]
    public var expectation: ExpectationStatus

    public struct KeptPromise: Sendable, Codable, Equatable {
        public var title: String
        public var evidence: String
    }
}

/// The tone check of messages to customers, and the facts an after-deal summary is written from.
public struct Tone: Sendable {
    let deps: Dependencies

    /// The longest message the tone check reads.
    public static let toneCheckMaxLength = 20_000

    /// Checks a draft message to a customer against the Chinese and English tone rules.
    public func check(_ text: String) async throws -> [ToneFinding] {
        if text.count > Self.toneCheckMaxLength {
            throw AppError.invalid([FieldError("text", .tooLong, detail: String(Self.toneCheckMaxLength))])
        }
        return try await deps.toneChecker().check(text)
    }

    /// Gathers what was done for a customer in the last `days` days, for a summary message.
    public func afterDealFacts(_ acting: Acting, customerID: CustomerID, contactID: ContactID?,
                               days: Int = 90) async throws -> AfterDealFacts {
        let now = deps.env.now()
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        let (found, promises, activities, contacts) = try await deps.read(acting, entity: .customer) { session in
            (try await session.requireCustomer(customerID, live: false), try await session.commitments(of: customerID),
             try await session.activities(of: customerID, limit: 50, cursor: nil).items,
             try await session.contacts(of: customerID))
        }
        var recipient: String?
        if let contactID {
            guard let contact = contacts.first(where: { $0.id == contactID }) else {
                throw AppError.invalid([FieldError("contactID", .unknown)])
            }
            recipient = contact.name
        }
        let kept = promises.filter { $0.state == .done && ($0.closedAt ?? .distantPast) >= since }
            .map { AfterDealFacts.KeptPromise(title: $0.title, evidence: $0.evidence) }
        let recent = activities.filter { $0.occurredAt >= since && $0.occurredAt <= now }.prefix(8)
            .map { [$0.purpose, $0.outcome].filter { !$0.isEmpty }.joined(separator: ": ") }
        return AfterDealFacts(customerName: found.name, recipientName: recipient, senderName: acting.user.displayName,
                              kept: kept, contacts: Array(recent),
                              expectation: try await Situations(deps: deps).get(acting, of: customerID).expectation)
    }
}
